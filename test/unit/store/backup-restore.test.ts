// Back up -> wipe -> restore gives back the same store; merge and replace say what they did;
// a bad backup changes nothing.
import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../src/core/backup';
import type { Snapshot } from '../../../src/core/model';
import { ids, sampleSnapshot } from '../backup/fixture';
import { freshStore, jpegBlob, must, sorted } from './helpers';

const empty: Snapshot = { posts: [], talks: [], notes: [], images: [] };

describe('backup and restore through the store', () => {
  it('round-trips: back up, wipe, restore, deep-equal with image bytes', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    // Add live data the normal way too, with a real Blob image.
    const post = must(await store.posts.create({ title: 'Live' }));
    const { talk } = must(
      await store.talks.findOrCreate({
        postId: post.id,
        url: 'https://youtu.be/y',
        site: 'youtube',
        videoId: 'yyyyyyyyyyy',
      }),
    );
    must(
      await store.notes.add(
        { talkId: talk.id, time: 2, kind: 'slide', text: 's' },
        { blob: jpegBlob(777), mime: 'image/jpeg', width: 4, height: 3 },
      ),
    );
    const before = must(await store.snapshot());
    expect(before.images.map((i) => i.bytes.length).sort()).toEqual([303, 5003, 777].sort());

    const file = encodeBackup(before);
    must(await store.importSnapshot(empty, 'replace'));
    expect(must(await store.snapshot())).toEqual(empty);
    const report = must(await store.importSnapshot(must(decodeBackup(file)), 'replace'));
    expect(report.posts.added).toBe(3);
    expect(sorted(must(await store.snapshot()))).toEqual(sorted(before));
    // Search works on restored notes (their words are re-indexed).
    expect(must(await store.search('platforms')).notes).toHaveLength(1);
  });

  it('replace reports what it removed and added', async () => {
    const { store } = freshStore();
    must(await store.posts.create({ title: 'Old' }));
    const report = must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    expect(report.removed).toEqual({ posts: 1, talks: 0, notes: 0, images: 0 });
    expect(report.notes).toEqual({ added: 6, updated: 0, unchanged: 0, keptLocal: 0 });
    expect(must(await store.posts.list()).map((p) => p.title)).not.toContain('Old');
  });

  it('merge adds new records, keeps equal ones, and the later edit wins', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const mine = must(await store.posts.create({ title: 'Only here' }));
    must(await store.notes.update('n_0000000000000001' as never, { text: 'edited locally, later' }));

    const incoming = sampleSnapshot();
    const older = incoming.notes[0];
    if (older) older.text = 'older edit in the backup';
    const newer = incoming.notes[1];
    if (newer) Object.assign(newer, { text: 'newer in the backup', updatedAt: '2030-01-01T00:00:00Z' });
    incoming.notes.push({ ...incoming.notes[4], id: 'n_00000000000000aa', text: 'brand new' } as never);

    const report = must(await store.importSnapshot(incoming, 'merge'));
    expect(report.mode).toBe('merge');
    expect(report.notes).toEqual({ added: 1, updated: 1, unchanged: 4, keptLocal: 1 });
    expect(report.posts).toEqual({ added: 0, updated: 0, unchanged: 2, keptLocal: 0 });
    expect(report.images).toEqual({ added: 0, updated: 0, unchanged: 2, keptLocal: 0 });
    expect(must(await store.notes.get('n_0000000000000001' as never))?.text).toBe('edited locally, later');
    expect(must(await store.notes.get('n_0000000000000002' as never))?.text).toBe('newer in the backup');
    expect(must(await store.posts.get(mine.id))?.title).toBe('Only here');
  });

  it('merge repairs sections when a talk moved between posts in the backup', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const incoming = sampleSnapshot();
    // In the backup, talk2 moved to post2, but post1 is newer locally and still lists it.
    const talk2 = incoming.talks[1];
    if (talk2) Object.assign(talk2, { postId: ids.post2, updatedAt: '2030-01-01T00:00:00Z' });
    const p1 = incoming.posts[0];
    if (p1) p1.sections[1] = { id: ids.talks, title: 'Talks', talkIds: [] };
    const p2 = incoming.posts[1];
    if (p2) p2.sections[0]?.talkIds.push(ids.talk2);
    must(await store.posts.update(ids.post, { description: 'newer here' }));

    const report = must(await store.importSnapshot(incoming, 'merge'));
    expect(report.posts.keptLocal).toBe(1);
    expect(report.repairedPosts).toBe(1);
    const post1 = must(await store.posts.get(ids.post));
    const post2 = must(await store.posts.get(ids.post2));
    expect(post1?.sections.flatMap((s) => s.talkIds)).toEqual([ids.talk]);
    expect(post2?.sections.flatMap((s) => s.talkIds)).toEqual([ids.talk3, ids.talk2]);
  });

  it('refuses an invalid snapshot and changes nothing', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const before = must(await store.snapshot());
    const bad = sampleSnapshot();
    bad.notes.push({ ...bad.notes[0], id: 'n_00000000000000bb', talkId: 't_00000000000000ff' } as never);
    for (const mode of ['merge', 'replace'] as const) {
      const r = await store.importSnapshot(bad, mode);
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.stringContaining('which is missing') },
      });
    }
    const wrongBytes = sampleSnapshot();
    const image = wrongBytes.images[0];
    if (image) image.bytes = new Uint8Array(3);
    expect(await store.importSnapshot(wrongBytes, 'replace')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(sorted(must(await store.snapshot()))).toEqual(sorted(before));
  });

  it('snapshots one post with only its talks, notes and images', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const one = must(await store.snapshotOfPost(ids.post2));
    expect(one?.posts.map((p) => p.id)).toEqual([ids.post2]);
    expect(one?.talks.map((t) => t.id)).toEqual([ids.talk3]);
    expect(one?.notes.map((n) => n.id)).toEqual(['n_0000000000000006']);
    expect(one?.images).toEqual([]);
    const first = must(await store.snapshotOfPost(ids.post));
    expect(first?.images.map((i) => i.id).sort()).toEqual([ids.image, ids.image2]);
    expect(must(await store.snapshotOfPost('p_00000000000000ff' as never))).toBeUndefined();
  });
});
