// A realistic library for the end-to-end tests, the README screenshots and the benchmark: a
// conference-day post in two sections with notes, quotes and real slide frames (taken from
// the fixture talk video with ffmpeg), as a backup file the library's Restore reads.
// Not a test itself: imported by test/e2e/library*.e2e.ts, scripts/screenshots.ts, bench/library.
import { execFileSync } from 'node:child_process';
import { encodeBackup } from '../../../src/core/backup';
import type { ImageId, NoteId, PostId, SectionId, TalkId } from '../../../src/core/ids';
import type { Note, Snapshot, Talk } from '../../../src/core/model';
import type { TestPage } from '../../e2e/browsers';

const at = '2026-05-03T07:00:00.000Z';

/** One frame of the video at `seconds` as a 640 px wide JPEG. */
export function frameJpeg(videoPath: string, seconds: number): Uint8Array {
  const out = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      String(seconds),
      '-i',
      videoPath,
      '-frames:v',
      '1',
      '-vf',
      'scale=640:-2',
      '-q:v',
      '5',
      '-f',
      'mjpeg',
      '-',
    ],
    { maxBuffer: 16 << 20 },
  );
  return new Uint8Array(out);
}

export const sampleIds = {
  post: 'p_sample0000000001' as PostId,
  keynotes: 's_keynotes00000001' as SectionId,
  talks: 's_talks00000000001' as SectionId,
  talkA: 't_sampletalk000001' as TalkId,
  talkB: 't_observability001' as TalkId,
  talkC: 't_postsatscale0001' as TalkId,
};

/** `pageUrl`: where the fixture talk plays (a generic video page of the fixture server). */
export function sampleSnapshot(videoPath: string, pageUrl: string, extraNotes = 0): Snapshot {
  const ids = sampleIds;
  const talk = (id: TalkId, title: string, url: string, name: string, org: string): Talk => ({
    id,
    postId: ids.post,
    url,
    site: 'generic',
    videoId: url,
    title,
    speakers: [{ name, role: 'Engineer', org }],
    duration: 90,
    chapters: [],
    createdAt: at,
    updatedAt: at,
  });
  const talks = [
    talk(ids.talkA, 'Talkmark Sample Talk', pageUrl, 'Ada Example', 'Example Conf'),
    talk(ids.talkB, 'Observability at Scale', `${pageUrl}&talk=b`, 'Grace Sample', 'Tracing Inc'),
    talk(ids.talkC, 'Posts from a Conference Day', `${pageUrl}&talk=c`, 'Linus Demo', 'Blog Co'),
  ];
  let n = 0;
  const note = (
    talkId: TalkId,
    time: number,
    kind: Note['kind'],
    text: string,
    extra: Partial<Note> = {},
  ): Note => ({
    id: `n_sample${String(++n).padStart(10, '0')}` as NoteId,
    talkId,
    time,
    kind,
    text,
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
  const slideTimes = [5, 18, 45, 60];
  const images = slideTimes.map((t, i) => {
    const bytes = frameJpeg(videoPath, t);
    return {
      id: `i_slide${i}000000000` as ImageId,
      mime: 'image/jpeg' as const,
      width: 640,
      height: 360,
      size: bytes.length,
      capturedAt: at,
      bytes,
    };
  });
  const notes: Note[] = [
    note(ids.talkA, 5, 'slide', 'Title slide', { imageId: images[0]?.id as ImageId }),
    note(ids.talkA, 18, 'slide', 'Why write about talks?', { imageId: images[1]?.id as ImageId }),
    note(ids.talkA, 42, 'text', 'Caching beats cleverness'),
    note(ids.talkA, 45, 'slide', 'Every note has a time', { imageId: images[2]?.id as ImageId }),
    note(ids.talkA, 50, 'quote', 'A post shares what you learned.', { speaker: 'Ada Example' }),
    note(ids.talkB, 12, 'text', 'Traces over logs for request paths'),
    note(ids.talkB, 60, 'slide', 'Organise into posts', { imageId: images[3]?.id as ImageId }),
    note(ids.talkC, 30, 'heading', 'Exporting'),
    note(ids.talkC, 33, 'text', 'Hugo page bundles keep images beside the post'),
  ];
  const words = ['latency', 'kubernetes', 'rollout', 'budget', 'tracing', 'canary', 'incident', 'schema'];
  for (let i = 0; i < extraNotes; i++) {
    const talkId = talks[i % talks.length]?.id as TalkId;
    notes.push(
      note(
        talkId,
        (i * 7) % 5400,
        'text',
        `Note ${i} about ${words[i % words.length]} and ${words[(i * 3) % words.length]}`,
      ),
    );
  }
  return {
    posts: [
      {
        id: ids.post,
        title: 'Example Conf 2025 — Day 1',
        slug: 'example-conf-2025-day-1',
        date: '2026-05-03T09:00:00+02:00',
        author: 'Ada Writer',
        description: 'Notes from the first day of Example Conf.',
        tags: ['conference', 'observability'],
        categories: ['talks'],
        intro: '',
        closing: '',
        sections: [
          { id: ids.keynotes, title: 'Morning Keynotes', talkIds: [ids.talkA] },
          { id: ids.talks, title: 'Talks', talkIds: [ids.talkB, ids.talkC] },
        ],
        createdAt: at,
        updatedAt: at,
      },
    ],
    talks,
    notes,
    images,
  };
}

export function sampleBackup(videoPath: string, pageUrl: string, extraNotes = 0): Uint8Array {
  return encodeBackup(sampleSnapshot(videoPath, pageUrl, extraNotes), { createdAt: at });
}

/** Picks `bytes` as the file of the restore input, as a user's file choice would. */
export async function restoreFile(page: TestPage, bytes: Uint8Array, name = 'backup.zip'): Promise<void> {
  // No named functions inside: tsx (scripts/) would wrap them in a helper the page lacks.
  await page.evaluate(
    async ({ b64, name }) => {
      location.hash = '#backup';
      let input: HTMLInputElement | null = null;
      for (let i = 0; i < 200 && !input; i++) {
        input = document.querySelector<HTMLInputElement>('input.restore-file');
        if (!input) await new Promise((r) => setTimeout(r, 20));
      }
      if (!input) throw new Error('the restore input never appeared');
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type: 'application/zip' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { b64: Buffer.from(bytes).toString('base64'), name },
  );
}
