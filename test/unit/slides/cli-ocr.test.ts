// `talkmark slides --ocr` on the short fixture talk (test/fixtures/make-videos.mjs): each
// capture carries the title and lines the slide was drawn with, read by the same core code
// as the extension, with tesseract.js in Node.
import { describe, expect, it } from 'vitest';
import { runSlides } from '../../../src/cli/slides';
import truth from '../../fixtures/videos/ground-truth.json';

async function shortClip(): Promise<string> {
  const { ensureVideos } = (await import('../../fixtures/make-videos.mjs' as string)) as {
    ensureVideos: () => Promise<Record<string, string>>;
  };
  return ((await ensureVideos())['short-clip'] as string).replace(/\.webm$/, '.mp4');
}

interface Capture {
  t: number;
  title?: string;
  text?: string[];
}

describe('talkmark slides --ocr', () => {
  it('adds each slide title and its lines to the captures', async () => {
    const mp4 = await shortClip();
    let stdout = '';
    let stderr = '';
    const code = await runSlides([mp4, '--ocr'], {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
    expect(code, stderr).toBe(0);
    const { captures } = JSON.parse(stdout) as { captures: Capture[] };
    const segments = truth['short-clip'].segments as Array<{
      start: number;
      end: number;
      heading: string;
      lines: string[];
    }>;
    expect(captures.length).toBe(segments.length);
    for (const c of captures) {
      const seg = segments.find((s) => s.start <= c.t && c.t < s.end);
      expect(c.title, `slide at ${c.t}s`).toBe(seg?.heading);
      expect(c.text?.[0]).toBe(seg?.heading);
      for (const line of seg?.lines ?? []) expect(c.text).toContain(line);
    }
    expect(stderr).toContain('reading slide 3 of 3');
  }, 120_000);

  it('without --ocr prints times only, as before', async () => {
    let stdout = '';
    await runSlides([await shortClip()], {
      stdout: (s) => {
        stdout += s;
      },
      stderr: () => {},
    });
    const { captures } = JSON.parse(stdout) as { captures: Capture[] };
    expect(captures.length).toBeGreaterThan(0);
    for (const c of captures) expect(Object.keys(c)).toEqual(['t']);
  }, 120_000);
});
