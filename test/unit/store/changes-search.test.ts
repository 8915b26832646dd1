import { describe, expect, it } from 'vitest';
import { CHANGES_CHANNEL, type Change, onChange } from '../../../src/store';
import { ids, sampleSnapshot } from '../backup/fixture';
import { freshStore, must } from './helpers';

/** Collects change batches until `count` batches arrived. */
function collect(count: number): { batches: Promise<Change[][]>; stop: () => void } {
  const got: Change[][] = [];
  let stop = () => {};
  const batches = new Promise<Change[][]>((resolve) => {
    stop = onChange((changes) => {
      got.push([...changes]);
      if (got.length === count) resolve(got);
    });
  });
  return { batches, stop };
}

describe('change announcements', () => {
  it('announce every committed write, typed, on the shared channel', async () => {
    const { store } = freshStore();
    const { batches, stop } = collect(3);
    const post = must(await store.posts.create({ title: 'P' }));
    const { talk } = must(
      await store.talks.findOrCreate({
        postId: post.id,
        url: 'https://youtu.be/x',
        site: 'youtube',
        videoId: 'aaaaaaaaaaa',
      }),
    );
    const { note } = must(await store.notes.add({ talkId: talk.id, time: 1, kind: 'text', text: 'x' }));
    const got = await batches;
    stop();
    expect(got).toEqual([
      [{ type: 'post', op: 'put', id: post.id }],
      [
        { type: 'talk', op: 'put', id: talk.id, postId: post.id },
        { type: 'post', op: 'put', id: post.id },
      ],
      [{ type: 'note', op: 'put', id: note.id, talkId: talk.id }],
    ]);
  });

  it('announce nothing for a refused write, and reach a raw BroadcastChannel too', async () => {
    const { store } = freshStore();
    const raw = new BroadcastChannel(CHANGES_CHANNEL);
    const received: unknown[] = [];
    raw.onmessage = (e) => received.push(e.data);
    const { batches, stop } = collect(1);
    await store.notes.update('n_00000000000000ff' as never, { text: 'nope' });
    const post = must(await store.posts.create({ title: 'P' }));
    const [first] = await batches;
    stop();
    await new Promise((resolve) => setTimeout(resolve, 10));
    raw.close();
    expect(first).toEqual([{ type: 'post', op: 'put', id: post.id }]);
    expect(received).toEqual([{ changes: [{ type: 'post', op: 'put', id: post.id }] }]);
  });
});

describe('search', () => {
  it('finds notes by word prefixes, ignoring case and accents, and talks by title', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    const r = must(await store.search('PLATFORM'));
    expect(r.notes.map((n) => n.id)).toEqual(['n_0000000000000001']);
    expect(r.talks.map((t) => t.id)).toEqual([ids.talk]);
    expect(must(await store.search('résumé')).notes.map((n) => n.id)).toEqual(['n_0000000000000006']);
    expect(must(await store.search('grace')).notes.map((n) => n.id)).toEqual(['n_0000000000000002']);
    expect(must(await store.search('ship things')).noteCount).toBe(1);
    expect(must(await store.search('ship platforms')).noteCount).toBe(0);
    expect(must(await store.search('  ')).notes).toEqual([]);
    expect(must(await store.search('sched')).talks.map((t) => t.id)).toEqual([ids.talk2]);
  });

  it('follows edits and deletes', async () => {
    const { store } = freshStore();
    must(await store.importSnapshot(sampleSnapshot(), 'replace'));
    must(await store.notes.update('n_0000000000000001' as never, { text: 'Observability matters' }));
    expect(must(await store.search('platforms')).noteCount).toBe(0);
    expect(must(await store.search('observ')).noteCount).toBe(1);
    must(await store.notes.delete('n_0000000000000001' as never));
    expect(must(await store.search('observ')).noteCount).toBe(0);
  });
});
