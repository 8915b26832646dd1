// A large post for the export benchmark: 50 talks, 1,000 notes, 300 slides of ~250 KB
// incompressible bytes each (a 1080p JPEG's size; content doesn't matter to a stored zip).
import type {
  ImageId,
  ImageMeta,
  Note,
  NoteId,
  Post,
  PostId,
  SectionId,
  Snapshot,
  Talk,
  TalkId,
} from '../../src/core/model';

export const bigPostId = 'p_bench' as PostId;

function randomBytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
  // A JPEG signature, so the bytes pass for what they stand for.
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b;
}

export function bigPost(talkCount = 50, noteCount = 1000, slideCount = 300): Snapshot {
  const at = '2026-05-14T09:00:00+02:00';
  const talks: Talk[] = [];
  const notes: Note[] = [];
  const images: Array<ImageMeta & { bytes: Uint8Array }> = [];
  for (let t = 0; t < talkCount; t++) {
    talks.push({
      id: `t_${t}` as TalkId,
      postId: bigPostId,
      url: `https://www.youtube.com/watch?v=bench${String(t).padStart(6, '0')}`,
      site: 'youtube',
      videoId: `bench${String(t).padStart(6, '0')}`,
      title: `Talk ${t}: scaling things, part ${t % 7}`,
      speakers: [{ name: `Speaker ${t}`, role: 'Engineer', org: `Org ${t % 11}` }],
      duration: 2400,
      chapters: [],
      label: t % 10 === 0 ? 'Keynote' : undefined,
      createdAt: at,
      updatedAt: at,
    });
  }
  for (let n = 0; n < noteCount; n++) {
    const talkId = `t_${n % talkCount}` as TalkId;
    const slide = n < slideCount;
    const kind: Note['kind'] = slide ? 'slide' : n % 5 === 0 ? 'quote' : n % 17 === 0 ? 'heading' : 'text';
    const note: Note = {
      id: `n_${n}` as NoteId,
      talkId,
      time: (n * 37) % 2400,
      kind,
      text: slide
        ? `Slide ${n}: the architecture, revisited`
        : `Note ${n} with **some** Markdown and a [link](https://example.org/${n}).`,
      createdAt: at,
      updatedAt: at,
    };
    if (slide) {
      const id = `i_${n}` as ImageId;
      const bytes = randomBytes(200_000 + ((n * 7919) % 100_000));
      images.push({
        id,
        mime: 'image/jpeg',
        width: 1920,
        height: 1080,
        size: bytes.length,
        capturedAt: at,
        bytes,
      });
      note.imageId = id;
    }
    notes.push(note);
  }
  const perSection = Math.ceil(talkCount / 5);
  const post: Post = {
    id: bigPostId,
    title: 'Benchmark Conf — all days',
    slug: 'benchmark-conf',
    date: at,
    author: 'Bench',
    description: 'A large post.',
    tags: ['bench'],
    categories: ['Conferences'],
    intro: 'Intro.',
    closing: 'Closing.',
    sections: Array.from({ length: 5 }, (_, s) => ({
      id: `s_${s}` as SectionId,
      title: `Block ${s}`,
      talkIds: talks.slice(s * perSection, (s + 1) * perSection).map((t) => t.id),
    })),
    createdAt: at,
    updatedAt: at,
  };
  return { posts: [post], talks, notes, images };
}
