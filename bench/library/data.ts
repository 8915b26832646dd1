// A library of years of notes for the benchmark: POSTS posts × TALKS talks × enough notes to
// reach NOTES in all, text only (images don't change what the popup and lists read).
import { encodeBackup } from '../../src/core/backup';
import type { NoteId, PostId, SectionId, TalkId } from '../../src/core/ids';
import type { Note, Post, Snapshot, Talk } from '../../src/core/model';

const words = [
  'latency',
  'kubernetes',
  'rollout',
  'budget',
  'tracing',
  'canary',
  'incident',
  'schema',
  'cache',
  'queue',
];
const at = '2025-01-01T00:00:00.000Z';
const pad = (n: number) => String(n).padStart(12, '0');

export function libraryBackup(posts: number, talksPerPost: number, notes: number): Uint8Array {
  const snap: Snapshot = { posts: [], talks: [], notes: [], images: [] };
  const allTalks: Talk[] = [];
  for (let p = 0; p < posts; p++) {
    const id = `p_${pad(p)}` as PostId;
    const talkIds = Array.from(
      { length: talksPerPost },
      (_, t) => `t_${pad(p * talksPerPost + t)}` as TalkId,
    );
    const post: Post = {
      id,
      title: `Conference ${p} — Day ${(p % 3) + 1}`,
      slug: `conference-${p}`,
      date: `2025-${String((p % 12) + 1).padStart(2, '0')}-10T09:00:00+02:00`,
      author: '',
      description: '',
      tags: [],
      categories: [],
      intro: '',
      closing: '',
      sections: [{ id: `s_${pad(p)}` as SectionId, title: 'Talks', talkIds }],
      createdAt: at,
      updatedAt: at,
    };
    snap.posts.push(post);
    for (const [t, tid] of talkIds.entries()) {
      const url = `https://www.youtube.com/watch?v=${String(p * talksPerPost + t).padStart(11, 'x')}`;
      allTalks.push({
        id: tid,
        postId: id,
        url,
        site: 'generic',
        videoId: url,
        title: `Talk ${t} on ${words[t % words.length]}`,
        speakers: [{ name: `Speaker ${t}` }],
        duration: 2400,
        chapters: [],
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  snap.talks = allTalks;
  for (let i = 0; i < notes; i++) {
    const talk = allTalks[i % allTalks.length] as Talk;
    const note: Note = {
      id: `n_${pad(i)}` as NoteId,
      talkId: talk.id,
      time: (i * 13) % 2400,
      kind: 'text',
      text: `Note ${i}: ${words[i % words.length]} ${words[(i * 7) % words.length]} and ${words[(i * 3) % words.length]} matter here`,
      createdAt: at,
      updatedAt: at,
    };
    snap.notes.push(note);
  }
  return encodeBackup(snap, { createdAt: at });
}
