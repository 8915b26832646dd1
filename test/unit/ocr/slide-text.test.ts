import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageSize } from '../../../src/core/ocr/image-size';
import { type OcrBlock, type OcrLine, slideTextOf } from '../../../src/core/ocr/slide-text';

/** A line of words laid out from x at y, `size` high, each word 0.6 × size per character. */
function line(text: string, x: number, y: number, size: number, confidence = 92): OcrLine {
  let at = x;
  const words = text.split(' ').map((w) => {
    const box = { x0: at, y0: y, x1: at + w.length * size * 0.6, y1: y + size };
    at = box.x1 + size * 0.35;
    return { text: w, confidence, box };
  });
  return { words, box: { x0: x, y0: y, x1: at, y1: y + size }, size };
}

const block = (...lines: OcrLine[]): OcrBlock => ({
  lines,
  box: {
    x0: Math.min(...lines.map((l) => l.box.x0)),
    y0: Math.min(...lines.map((l) => l.box.y0)),
    x1: Math.max(...lines.map((l) => l.box.x1)),
    y1: Math.max(...lines.map((l) => l.box.y1)),
  },
});

const page = (...blocks: OcrBlock[]) => ({ width: 1280, height: 720, blocks });

describe('slideTextOf', () => {
  it('picks the largest line as the title even below a smaller top line, and strips bullets', () => {
    const read = slideTextOf(
      page(
        block(line('CHAPTER 2 SECURITY', 96, 110, 22)),
        block(line('Zero Trust Networks', 96, 160, 52)),
        block(line('• Every request is checked', 96, 290, 30), line('• Identity over location', 96, 346, 30)),
      ),
    );
    expect(read.title).toBe('Zero Trust Networks');
    expect(read.lines).toEqual([
      'CHAPTER 2 SECURITY',
      'Zero Trust Networks',
      'Every request is checked',
      'Identity over location',
    ]);
  });

  it('joins a heading wrapped over two lines', () => {
    const read = slideTextOf(
      page(
        block(line('Observability for', 80, 100, 56), line('Serverless Platforms', 80, 170, 56)),
        block(line('A body line here', 80, 300, 32)),
      ),
    );
    expect(read.title).toBe('Observability for Serverless Platforms');
  });

  it('gives no title when no line stands out, and none from the bottom of the slide', () => {
    expect(
      slideTextOf(page(block(line('one line here', 80, 100, 30), line('two lines here', 80, 150, 30)))).title,
    ).toBe('');
    expect(
      slideTextOf(page(block(line('small text', 80, 100, 20)), block(line('Huge Footer Logo', 80, 600, 60))))
        .title,
    ).toBe('');
  });

  it('reads two columns the engine joined into one line column by column', () => {
    const row = (a: string, b: string, y: number): OcrLine => {
      const l = line(a, 80, y, 34);
      const r = line(b, 680, y, 34);
      return { words: [...l.words, ...r.words], box: { ...l.box, x1: r.box.x1 }, size: 34 };
    };
    const read = slideTextOf(
      page(
        block(line('Two Columns', 80, 90, 56)),
        block(row('left one', 'right one', 220), row('left two', 'right two', 290)),
      ),
    );
    expect(read.lines).toEqual(['Two Columns', 'left one', 'left two', 'right one', 'right two']);
  });

  it('reads side-by-side blocks left to right, then what is below', () => {
    const read = slideTextOf(
      page(
        block(line('Right column', 700, 220, 30)),
        block(line('Left column', 80, 215, 30)),
        block(line('Heading Here', 80, 80, 60)),
      ),
    );
    expect(read.lines).toEqual(['Heading Here', 'Left column', 'Right column']);
  });

  it('drops specks and low-confidence noise but keeps low-rated code that reads as words', () => {
    const noise: OcrLine = line('ee | ‘ =', 80, 400, 30, 20);
    const code: OcrLine = line('latency.region(x, 53)', 80, 300, 30, 5);
    const read = slideTextOf(page(block(line('Title Words', 80, 80, 60)), block(code, noise)));
    expect(read.lines).toEqual(['Title Words', 'latency.region(x, 53)']);
  });

  it('never throws and never returns empty lines, whatever the engine gives', () => {
    const word = fc.record({
      text: fc.string({ maxLength: 12 }),
      confidence: fc.double({ min: -10, max: 110, noNaN: true }),
      box: fc.record({ x0: fc.nat(1300), y0: fc.nat(800), x1: fc.nat(1300), y1: fc.nat(800) }),
    });
    const anyLine = fc.record({
      words: fc.array(word, { maxLength: 8 }),
      box: fc.record({ x0: fc.nat(1300), y0: fc.nat(800), x1: fc.nat(1300), y1: fc.nat(800) }),
      size: fc.option(fc.double({ min: -5, max: 200, noNaN: true }), { nil: undefined }),
    });
    const anyBlock = fc.record({
      lines: fc.array(anyLine, { maxLength: 5 }),
      box: fc.record({ x0: fc.nat(1300), y0: fc.nat(800), x1: fc.nat(1300), y1: fc.nat(800) }),
    });
    fc.assert(
      fc.property(fc.array(anyBlock, { maxLength: 5 }), (blocks) => {
        const read = slideTextOf({ width: 1280, height: 720, blocks });
        for (const l of read.lines) expect(l.trim()).toBe(l);
        for (const l of read.lines) expect(l.length).toBeGreaterThan(0);
        expect(read.title === '' || read.lines.some((l) => read.title.startsWith(l))).toBe(true);
      }),
    );
  });
});

describe('imageSize', () => {
  it('reads PNG and JPEG headers and refuses anything else', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 1280);
    new DataView(png.buffer).setUint32(20, 720);
    expect(imageSize(png)).toEqual({ width: 1280, height: 720 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 720, width 1280.
    const jpeg = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0,
      16,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0,
      17,
      8,
      0x02,
      0xd0,
      0x05,
      0x00,
      3,
      0,
      0,
      0,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 1280, height: 720 });
    expect(imageSize(new TextEncoder().encode('not an image at all'))).toBeNull();
  });
});
