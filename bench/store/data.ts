// Synthetic but realistic data: posts of 10 talks × 50 notes, note texts drawn from a
// vocabulary (so words repeat like real notes), every fifth note a slide with an image.
import type { ImageId, NoteId, PostId, SectionId, Snapshot, TalkId } from '../../src/core/model';

const vocabulary = (
  'kubernetes latency platform cluster scheduler operator network storage security policy observability ' +
  'tracing metrics logging service mesh gateway ingress controller runtime container image registry build ' +
  'pipeline release rollout canary feature flag database replica shard cache queue event stream batch ' +
  'cost budget team culture incident postmortem reliability availability scaling autoscaler node pod'
).split(' ');

let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const hex = (n: number) => n.toString(16).padStart(16, '0');
const at = '2026-05-03T08:30:00+02:00';

export function buildSnapshot(noteCount: number, imageCount: number, imageSize: number): Snapshot {
  const snap: Snapshot = { posts: [], talks: [], notes: [], images: [] };
  const notesPerTalk = 50;
  const talksPerPost = 10;
  const talkCount = Math.ceil(noteCount / notesPerTalk);
  const slideEvery = Math.max(1, Math.floor(noteCount / Math.max(1, imageCount)));
  for (let t = 0; t < talkCount; t++) {
    const postId = `p_${hex(Math.floor(t / talksPerPost))}` as PostId;
    if (t % talksPerPost === 0) {
      snap.posts.push({
        id: postId,
        title: `Conference day ${t / talksPerPost}`,
        slug: `day-${t / talksPerPost}`,
        date: at,
        author: 'Bench',
        description: '',
        tags: [],
        categories: [],
        intro: '',
        closing: '',
        sections: [{ id: `s_${hex(t)}` as SectionId, title: 'Talks', talkIds: [] }],
        createdAt: at,
        updatedAt: at,
      });
    }
    const talkId = `t_${hex(t)}` as TalkId;
    snap.posts[snap.posts.length - 1]?.sections[0]?.talkIds.push(talkId);
    snap.talks.push({
      id: talkId,
      postId,
      url: `https://www.youtube.com/watch?v=${hex(t).slice(5)}`,
      site: 'youtube',
      videoId: hex(t).slice(5),
      title: `${pick(vocabulary)} and ${pick(vocabulary)} at scale`,
      speakers: [{ name: `Speaker ${t}` }],
      duration: 1800,
      chapters: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  for (let n = 0; n < noteCount; n++) {
    const talk = snap.talks[Math.floor(n / notesPerTalk)];
    if (!talk) break;
    const words = Array.from({ length: 30 }, () => pick(vocabulary)).join(' ');
    // A rare word in one note of a thousand: the search a user makes for a name they remember.
    const text = n % 1000 === 7 ? `${words} zanzibar` : words;
    const note = {
      id: `n_${hex(n)}` as NoteId,
      talkId: talk.id,
      time: (n % notesPerTalk) * 30,
      kind: 'text' as const,
      text,
      createdAt: at,
      updatedAt: at,
    };
    if (n % slideEvery === 0 && snap.images.length < imageCount) {
      const id = `i_${hex(n)}` as ImageId;
      const bytes = new Uint8Array(imageSize);
      bytes.set([0xff, 0xd8, 0xff]);
      for (let i = 3; i < bytes.length; i += 97) bytes[i] = n & 0xff;
      snap.images.push({
        id,
        mime: 'image/jpeg',
        width: 1920,
        height: 1080,
        size: imageSize,
        capturedAt: at,
        bytes,
      });
      snap.notes.push({ ...note, kind: 'slide', imageId: id });
    } else snap.notes.push(note);
  }
  return snap;
}
