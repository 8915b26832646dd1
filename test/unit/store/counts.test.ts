// The stored note and slide counts (counts.ts) against the notes themselves: after every kind
// of write, each talk's and post's record must say what counting its notes would say.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/ids';
import type { Counts } from '../../../src/store/schema';
import { sampleSnapshot } from '../backup/fixture';
import { freshStore, jpegBlob, must, storeWithTalk } from './helpers';

/** The counts as stored, and as counting the notes gives them (ids with none left out). */
async function countsIn(
  name: string,
): Promise<{ stored: Record<string, Counts>; counted: Record<string, Counts> }> {
  const db = await openDB(name);
  const tx = db.transaction(['talks', 'notes', 'counts']);
  const [talks, notes, keys, values] = await Promise.all([
    tx.objectStore('talks').getAll(),
    tx.objectStore('notes').getAll(),
    tx.objectStore('counts').getAllKeys(),
    tx.objectStore('counts').getAll(),
  ]);
  db.close();
  const stored: Record<string, Counts> = {};
  keys.forEach((k, i) => {
    stored[String(k)] = values[i];
  });
  const postOf = new Map(talks.map((t) => [t.id, t.postId]));
  const counted: Record<string, Counts> = {};
  for (const n of notes) {
    for (const id of [n.talkId, postOf.get(n.talkId)]) {
      const c = counted[id] ?? { notes: 0, slides: 0 };
      counted[id] = c;
      c.notes++;
      if (n.kind === 'slide') c.slides++;
    }
  }
  return { stored, counted };
}

async function expectTrue(name: string, expected?: Record<string, Counts>) {
  const { stored, counted } = await countsIn(name);
  expect(stored).toEqual(counted);
  if (expected) expect(stored).toEqual(expected);
}

describe('stored counts', () => {
  it('follow adding, editing, deleting and restoring notes', async () => {
    const { store, name, post, talk } = await storeWithTalk();
    const text = must(await store.notes.add({ talkId: talk.id, time: 1, kind: 'text', text: 'a' }));
    const slide = must(
      await store.notes.add(
        { talkId: talk.id, time: 2, kind: 'slide', text: '' },
        { blob: jpegBlob(), mime: 'image/jpeg', width: 16, height: 9 },
      ),
    );
    await expectTrue(name, {
      [talk.id]: { notes: 2, slides: 1 },
      [post.id]: { notes: 2, slides: 1 },
    });
    // A text note turned into a slide and back; an edit of the text changes nothing.
    must(await store.notes.update(text.note.id, { kind: 'slide' }));
    await expectTrue(name, { [talk.id]: { notes: 2, slides: 2 }, [post.id]: { notes: 2, slides: 2 } });
    must(await store.notes.update(text.note.id, { kind: 'quote', text: 'b' }));
    await expectTrue(name, { [talk.id]: { notes: 2, slides: 1 }, [post.id]: { notes: 2, slides: 1 } });
    const deleted = must(await store.notes.delete(slide.note.id));
    await expectTrue(name, { [talk.id]: { notes: 1, slides: 0 }, [post.id]: { notes: 1, slides: 0 } });
    // Undo puts it back once, however often it is sent.
    must(await store.notes.restore(deleted));
    must(await store.notes.restore(deleted));
    await expectTrue(name, { [talk.id]: { notes: 2, slides: 1 }, [post.id]: { notes: 2, slides: 1 } });
    // A write that is refused counts nothing.
    expect((await store.notes.update(text.note.id, { time: -1 })).ok).toBe(false);
    await expectTrue(name, { [talk.id]: { notes: 2, slides: 1 }, [post.id]: { notes: 2, slides: 1 } });
    must(await store.notes.delete(text.note.id));
    must(await store.notes.delete(slide.note.id));
    await expectTrue(name, {});
  });

  it('count a slide sent twice with the same id once', async () => {
    const { store, name, post, talk } = await storeWithTalk();
    const id = newId('note');
    const slide = { talkId: talk.id, time: 5, kind: 'slide' as const, text: '' };
    const image = () => ({ blob: jpegBlob(), mime: 'image/jpeg' as const, width: 16, height: 9 });
    must(await store.notes.add(slide, image(), id));
    must(await store.notes.add(slide, image(), id));
    // A different note under the same id is refused and counts nothing.
    expect((await store.notes.add({ ...slide, time: 6 }, image(), id)).ok).toBe(false);
    await expectTrue(name, { [talk.id]: { notes: 1, slides: 1 }, [post.id]: { notes: 1, slides: 1 } });
  });

  it('follow a talk moved to another post, and talks and posts deleted', async () => {
    const { store, name, post, talk } = await storeWithTalk();
    const other = must(await store.posts.create({ title: 'Other' }));
    const second = must(
      await store.talks.findOrCreate({
        postId: post.id,
        url: 'https://youtu.be/b',
        site: 'youtube',
        videoId: 'bbbbbbbbbbb',
      }),
    ).talk;
    for (const t of [talk, second, talk])
      must(await store.notes.add({ talkId: t.id, time: 1, kind: 'slide', text: 'x' }));
    await expectTrue(name, {
      [talk.id]: { notes: 2, slides: 2 },
      [second.id]: { notes: 1, slides: 1 },
      [post.id]: { notes: 3, slides: 3 },
    });
    must(await store.talks.move(talk.id, { postId: other.id, sectionId: other.sections[0]?.id as never }));
    await expectTrue(name, {
      [talk.id]: { notes: 2, slides: 2 },
      [second.id]: { notes: 1, slides: 1 },
      [post.id]: { notes: 1, slides: 1 },
      [other.id]: { notes: 2, slides: 2 },
    });
    // Within the same post nothing moves between posts.
    must(
      await store.talks.move(second.id, {
        postId: post.id,
        sectionId: post.sections[0]?.id as never,
        index: 0,
      }),
    );
    must(await store.talks.delete(second.id));
    await expectTrue(name, { [talk.id]: { notes: 2, slides: 2 }, [other.id]: { notes: 2, slides: 2 } });
    must(await store.posts.delete(other.id));
    await expectTrue(name, {});
  });

  it('are counted afresh on restore, replacing or merging', async () => {
    const { store, name } = freshStore();
    const sample = sampleSnapshot();
    must(await store.importSnapshot(sample, 'replace'));
    await expectTrue(name);
    const { stored } = await countsIn(name);
    expect(Object.keys(stored).length).toBeGreaterThan(2);
    // A merge that adds a note to an existing talk and changes another's kind.
    const changed = structuredClone(sample);
    const first = changed.notes[0];
    if (!first) throw new Error('the sample has notes');
    changed.notes.push({
      ...first,
      id: 'n_00000000000000aa' as never,
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    changed.notes[0] = {
      ...first,
      kind: first.kind === 'slide' ? 'text' : 'slide',
      imageId: undefined,
      updatedAt: '2027-01-01T00:00:00.000Z',
    };
    delete changed.notes[0].imageId;
    must(await store.importSnapshot(changed, 'merge'));
    await expectTrue(name);
    must(await store.importSnapshot({ posts: [], talks: [], notes: [], images: [] }, 'replace'));
    await expectTrue(name, {});
  });
});
