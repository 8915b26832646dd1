import { describe, expect, it } from 'vitest';
import type { SectionId } from '../../../src/core/model';
import { freshStore, must } from './helpers';

const video = (postId: string, videoId: string) => ({
  postId: postId as never,
  url: `https://www.youtube.com/watch?v=${videoId}`,
  site: 'youtube' as const,
  videoId,
  title: `Talk ${videoId}`,
});

describe('posts', () => {
  it('are created with a slug, a local date with offset and one "Talks" section', async () => {
    const { store } = freshStore();
    const post = must(await store.posts.create({ title: 'KubeCon EU — Día 2' }));
    expect(post.slug).toBe('kubecon-eu-dia-2');
    expect(post.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Math.abs(Date.parse(post.date) - Date.now())).toBeLessThan(5000);
    expect(post.sections).toHaveLength(1);
    expect(post.sections[0]).toMatchObject({ title: 'Talks', talkIds: [] });
    expect(must(await store.posts.get(post.id))).toEqual(post);
  });

  it('list newest date first, and update validated fields', async () => {
    const { store } = freshStore();
    const a = must(await store.posts.create({ title: 'A', date: '2026-01-01T10:00:00+01:00' }));
    const b = must(await store.posts.create({ title: 'B', date: '2026-03-01T10:00:00+01:00' }));
    expect(must(await store.posts.list()).map((p) => p.id)).toEqual([b.id, a.id]);
    const edited = must(await store.posts.update(a.id, { description: 'hello', tags: ['x'] }));
    expect(edited).toMatchObject({ description: 'hello', tags: ['x'], title: 'A' });
    const bad = await store.posts.update(a.id, { tags: 'x' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(must(await store.posts.get(a.id))?.tags).toEqual(['x']);
  });

  it('keep the active post, and forget it when the post is deleted', async () => {
    const { store } = freshStore();
    const post = must(await store.posts.create({ title: 'A' }));
    expect(must(await store.posts.getActive())).toBeUndefined();
    must(await store.posts.setActive(post.id));
    expect(must(await store.posts.getActive())).toBe(post.id);
    const talk = must(await store.talks.findOrCreate(video(post.id, 'aaaaaaaaaaa'))).talk;
    must(await store.notes.add({ talkId: talk.id, time: 1, kind: 'text', text: 'x' }));
    expect(must(await store.posts.delete(post.id))).toEqual({ talks: 1, notes: 1, images: 0 });
    expect(must(await store.posts.getActive())).toBeUndefined();
    expect(must(await store.talks.get(talk.id))).toBeUndefined();
    expect(must(await store.notes.listByTalk(talk.id))).toEqual([]);
  });
});

describe('talks', () => {
  it('find or create one talk per video within a post, appended to the last section', async () => {
    const { store } = freshStore();
    const post = must(await store.posts.create({ title: 'P' }));
    const first = must(await store.talks.findOrCreate(video(post.id, 'aaaaaaaaaaa')));
    const again = must(await store.talks.findOrCreate(video(post.id, 'aaaaaaaaaaa')));
    const second = must(await store.talks.findOrCreate(video(post.id, 'bbbbbbbbbbb')));
    expect(first.created).toBe(true);
    expect(again).toEqual({ talk: first.talk, created: false });
    expect(must(await store.posts.get(post.id))?.sections[0]?.talkIds).toEqual([
      first.talk.id,
      second.talk.id,
    ]);
    const other = must(await store.posts.create({ title: 'Q' }));
    const elsewhere = must(await store.talks.findOrCreate(video(other.id, 'aaaaaaaaaaa')));
    expect(elsewhere.created).toBe(true);
    expect(must(await store.talks.findByVideo('youtube', 'aaaaaaaaaaa'))).toHaveLength(2);
    expect(must(await store.talks.findByVideo('vimeo', 'aaaaaaaaaaa'))).toHaveLength(0);
  });

  it('refuse a talk for a missing post or with bad input', async () => {
    const { store } = freshStore();
    expect(await store.talks.findOrCreate(video('p_00000000000000ff', 'x'))).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(
      await store.talks.findOrCreate({ ...video('p_00000000000000ff', 'x'), site: 'tiktok' as never }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('new talk.site') },
    });
  });

  it('reorder within a section, move across sections and posts, and keep sections consistent', async () => {
    const { store } = freshStore();
    const post = must(await store.posts.create({ title: 'P' }));
    const [a, b, c] = await Promise.all(
      ['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ccccccccccc'].map(
        async (v) => must(await store.talks.findOrCreate(video(post.id, v))).talk,
      ),
    );
    if (!a || !b || !c) throw new Error('talks');
    const talksSection = post.sections[0]?.id as SectionId;
    const sorted = must(await store.posts.get(post.id))?.sections[0]?.talkIds ?? [];
    const reversed = [...sorted].reverse();
    must(await store.talks.reorder(post.id, talksSection, reversed));
    expect(must(await store.posts.get(post.id))?.sections[0]?.talkIds).toEqual(reversed);
    expect(await store.talks.reorder(post.id, talksSection, [a.id])).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });

    const keynotes = { id: 's_00000000000000aa' as SectionId, title: 'Morning Keynotes', talkIds: [] };
    const current = must(await store.posts.get(post.id));
    must(await store.posts.update(post.id, { sections: [keynotes, ...(current?.sections ?? [])] }));
    must(await store.talks.move(b.id, { postId: post.id, sectionId: keynotes.id }));
    const after = must(await store.posts.get(post.id));
    expect(after?.sections.map((s) => s.talkIds)).toEqual([[b.id], reversed.filter((id) => id !== b.id)]);
    // Sections that drop a talk are refused: every talk stays listed.
    expect(await store.posts.update(post.id, { sections: [keynotes] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });

    const other = must(await store.posts.create({ title: 'Q' }));
    must(await store.notes.add({ talkId: c.id, time: 3, kind: 'text', text: 'follows its talk' }));
    must(
      await store.talks.move(c.id, {
        postId: other.id,
        sectionId: other.sections[0]?.id as SectionId,
        index: 0,
      }),
    );
    expect(must(await store.talks.get(c.id))?.postId).toBe(other.id);
    expect(must(await store.posts.get(other.id))?.sections[0]?.talkIds).toEqual([c.id]);
    expect(must(await store.posts.get(post.id))?.sections.flatMap((s) => s.talkIds)).not.toContain(c.id);
    const view = must(await store.posts.open(other.id));
    expect(view?.talks[0]?.notes.map((n) => n.text)).toEqual(['follows its talk']);
  });

  it('update metadata and clear the label with null', async () => {
    const { store } = freshStore();
    const post = must(await store.posts.create({ title: 'P' }));
    const { talk } = must(
      await store.talks.findOrCreate({ ...video(post.id, 'aaaaaaaaaaa'), label: 'Keynote' }),
    );
    const next = must(
      await store.talks.update(talk.id, { title: 'New', speakers: [{ name: 'Grace' }], label: null }),
    );
    expect(next).toMatchObject({ title: 'New', speakers: [{ name: 'Grace' }] });
    expect('label' in next).toBe(false);
    expect(must(await store.talks.get(talk.id))).toEqual(next);
  });
});
