// A small, complete snapshot: two posts, talks in sections, notes of every kind, two images.
import type { ImageId, NoteId, PostId, SectionId, Snapshot, TalkId } from '../../../src/core/model';

export const ids = {
  post: 'p_0000000000000001' as PostId,
  post2: 'p_0000000000000002' as PostId,
  keynotes: 's_0000000000000001' as SectionId,
  talks: 's_0000000000000002' as SectionId,
  other: 's_0000000000000003' as SectionId,
  talk: 't_0000000000000001' as TalkId,
  talk2: 't_0000000000000002' as TalkId,
  talk3: 't_0000000000000003' as TalkId,
  image: 'i_0000000000000001' as ImageId,
  image2: 'i_0000000000000002' as ImageId,
};

const at = '2026-05-03T08:30:00+02:00';

/** Bytes that start like a JPEG (the codec checks the signature), then `n` varied bytes. */
export function jpegBytes(n: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(n + 3);
  bytes.set([0xff, 0xd8, 0xff]);
  for (let i = 3; i < bytes.length; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
  return bytes;
}

export function sampleSnapshot(): Snapshot {
  const img1 = jpegBytes(5000, 1);
  const img2 = jpegBytes(300, 2);
  return {
    posts: [
      {
        id: ids.post,
        title: 'KubeCon EU — Day 2',
        slug: 'kubecon-eu-day-2',
        date: at,
        author: 'Ada',
        description: 'Notes from the second day',
        tags: ['kubernetes', 'cloud native'],
        categories: ['conferences'],
        coverImageId: ids.image,
        intro: 'A *long* day.',
        closing: 'See you next year.',
        sections: [
          { id: ids.keynotes, title: 'Morning Keynotes', talkIds: [ids.talk] },
          { id: ids.talks, title: 'Talks', talkIds: [ids.talk2] },
        ],
        createdAt: at,
        updatedAt: at,
      },
      {
        id: ids.post2,
        title: 'Another day',
        slug: 'another-day',
        date: '2026-05-04T09:00:00+02:00',
        author: '',
        description: '',
        tags: [],
        categories: [],
        intro: '',
        closing: '',
        sections: [{ id: ids.other, title: 'Talks', talkIds: [ids.talk3] }],
        createdAt: at,
        updatedAt: at,
      },
    ],
    talks: [
      {
        id: ids.talk,
        postId: ids.post,
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        site: 'youtube',
        videoId: 'dQw4w9WgXcQ',
        title: 'Keynote: The Future of Platforms',
        speakers: [{ name: 'Grace', role: 'CTO', org: 'Example Corp' }],
        duration: 1800,
        chapters: [{ start: 0, title: 'Intro' }],
        label: 'Keynote',
        createdAt: at,
        updatedAt: at,
      },
      {
        id: ids.talk2,
        postId: ids.post,
        url: 'https://vimeo.com/123456',
        site: 'vimeo',
        videoId: '123456',
        title: 'Scheduling at scale',
        speakers: [],
        duration: 0,
        chapters: [],
        createdAt: at,
        updatedAt: at,
      },
      {
        id: ids.talk3,
        postId: ids.post2,
        url: 'https://example.org/video.html',
        site: 'generic',
        videoId: 'https://example.org/video.html',
        title: 'A generic talk',
        speakers: [],
        duration: 600,
        chapters: [],
        createdAt: at,
        updatedAt: at,
      },
    ],
    notes: [
      note('n_0000000000000001', ids.talk, 12.5, 'text', 'Platforms are **products**'),
      { ...note('n_0000000000000002', ids.talk, 60, 'quote', 'Ship small things'), speaker: 'Grace' },
      { ...note('n_0000000000000003', ids.talk, 90.25, 'slide', 'Architecture slide'), imageId: ids.image },
      {
        ...note('n_0000000000000004', ids.talk2, 5, 'slide', ''),
        imageId: ids.image2,
        auto: true,
        speaker: 'Linus',
      },
      note('n_0000000000000005', ids.talk2, 0, 'heading', 'Part one'),
      note('n_0000000000000006', ids.talk3, 30, 'text', 'Résumé of the scheduler'),
    ],
    images: [
      {
        id: ids.image,
        mime: 'image/jpeg',
        width: 1920,
        height: 1080,
        size: img1.length,
        phash: '0123456789abcdef',
        capturedAt: at,
        text: {
          lines: ['Scheduling at scale', 'Queues per tenant', 'Fair share, not first come'],
          title: 'Scheduling at scale',
          engine: 'tesseract.js 7 eng best_int',
          readAt: at,
        },
        bytes: img1,
      },
      {
        id: ids.image2,
        mime: 'image/jpeg',
        width: 640,
        height: 360,
        size: img2.length,
        capturedAt: at,
        bytes: img2,
      },
    ],
  };
}

function note(
  id: string,
  talkId: TalkId,
  time: number,
  kind: 'text' | 'quote' | 'slide' | 'heading',
  text: string,
) {
  return { id: id as NoteId, talkId, time, kind, text, createdAt: at, updatedAt: at };
}
