// Hostile words read on a slide (OCR), chapter titles and channels can't break out of where
// they land: parsed back, every format gives exactly the plain text the exporter meant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportPost } from '../../../src/core/export';
import { obsidianAlias } from '../../../src/core/export/escape-markdown';
import { normalizeInline } from '../../../src/core/export/escape-text';
import { figureText } from '../../../src/core/export/figure';
import { defaultExportOptions } from '../../../src/core/export/types';
import type { Snapshot } from '../../../src/core/model';
import { formatTime } from '../../../src/core/time';
import { harbourConf, postId } from '../../fixtures/posts/harbour-conf';
import { fileText, hostileString, nodes, plainText } from './helpers';

const nonBlank = hostileString.filter((s) => normalizeInline(s) !== '');

/** The fixture's first keynote with hostile OCR text on its first slide, chapters and channel. */
function hostileSlide(lines: string[], title: string, chapter: string, channel: string): Snapshot {
  const s = harbourConf();
  const talk = s.talks[0];
  const red = s.images.find((i) => i.id === 'i_red');
  const note = s.notes.find((n) => n.imageId === 'i_red');
  if (!talk || !red || !note) throw new Error('fixture');
  talk.channel = channel;
  talk.chapters = [{ start: 100, title: chapter }];
  red.text = { lines, title, engine: 'test', readAt: '2026-05-13T18:00:00.000Z' };
  // No caption typed: the title read on the slide names it.
  note.text = '';
  return s;
}

function expectedFigure(s: Snapshot) {
  const note = s.notes.find((n) => n.imageId === 'i_red');
  const talk = s.talks[0];
  const image = s.images.find((i) => i.id === 'i_red');
  if (!note || !talk || !image) throw new Error('fixture');
  return figureText(defaultExportOptions.figureTitleTemplate, note, talk, image);
}

const exported = (s: Snapshot, format: 'markdown' | 'obsidian' | 'hugo', path: string) => {
  const r = exportPost(s, postId, format);
  if (!r.ok) throw new Error(r.error);
  return fileText(r.value, path);
};

/** Hugo's reading of one shortcode argument: a raw `backtick` string or a "quoted" one with \". */
function shortcodeArgs(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  const arg = /(\w+)=(?:`([^`]*)`|"((?:[^"\\]|\\.)*)")/gy;
  let rest = /^\{\{< figure (.*) >\}\}$/.exec(line)?.[1];
  if (rest === undefined) throw new Error(`not a figure: ${line}`);
  rest = `${rest} `;
  for (let m = arg.exec(rest); m; m = arg.exec(rest)) {
    out[m[1] ?? ''] = m[2] ?? (m[3] ?? '').replace(/\\"/g, '"');
    if (rest[arg.lastIndex] !== ' ') throw new Error(`argument runs on: ${line}`);
    arg.lastIndex++;
  }
  if (arg.lastIndex !== 0 && arg.lastIndex < rest.length) throw new Error(`left over: ${line}`);
  return out;
}

describe('hostile slide text, chapters and channels', () => {
  const arbitrary = [
    fc.array(hostileString, { maxLength: 6 }),
    hostileString,
    nonBlank,
    hostileString,
  ] as const;

  it('Markdown: alt, title and chapter heading read back as plain text; no HTML', () => {
    fc.assert(
      fc.property(...arbitrary, (lines, title, chapter, channel) => {
        const s = hostileSlide(lines, title, chapter, channel);
        const want = expectedFigure(s);
        const md = exported(s, 'markdown', 'post.md');
        const image = nodes(md, 'image')[0];
        expect(image && plainText(image)).toBe(want.alt);
        expect(image?.title).toBe(want.title);
        expect(image?.destination).toMatch(/^images\/slide-01(-[a-z0-9-]+)?\.jpg$/);
        expect(nodes(md, 'heading', 4).map(plainText)).toContain(normalizeInline(chapter));
        expect(nodes(md, 'heading', 3)).toHaveLength(4);
        expect(nodes(md, 'html_inline').length + nodes(md, 'html_block').length).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('Obsidian: the alias stays inside its embed, and the label link reads back', () => {
    fc.assert(
      fc.property(...arbitrary, (lines, title, chapter, channel) => {
        const s = hostileSlide(lines, title, chapter, channel);
        const want = expectedFigure(s);
        const md = exported(s, 'obsidian', 'Harbour Conf 2026 Day 2 — Ships & Shores 2.md');
        const embed =
          /^!\[\[attachments\/harbour-conf-2026-day-2\/slide-01[a-z0-9-]*\.jpg\|([^|[\]\n]*)\|600\]\]$/m.exec(
            md,
          );
        expect(embed?.[1]).toBe(obsidianAlias(want.alt));
        expect(embed?.[1]).not.toMatch(/^\d+(x\d+)?$/);
        const link = nodes(md, 'link').find((l) => l.destination === 'https://youtu.be/aB3dE5fG7hJ?t=80');
        expect(link && plainText(link)).toBe(want.timed ? want.title : `${want.title} · ${formatTime(80)}`);
        expect(nodes(md, 'heading', 4).map(plainText)).toContain(normalizeInline(chapter));
      }),
      { numRuns: 150 },
    );
  });

  it('Hugo: title and alt are whole shortcode arguments holding the text', () => {
    fc.assert(
      fc.property(...arbitrary, (lines, title, chapter, channel) => {
        const s = hostileSlide(lines, title, chapter, channel);
        const want = expectedFigure(s);
        const md = exported(s, 'hugo', 'harbour-conf-2026-day-2/index.md');
        const line = md.split('\n').find((l) => l.startsWith('{{< figure src=`slide-01'));
        const args = shortcodeArgs(line ?? '');
        // Inside "…" (text with a backtick) Hugo can't keep a backslash: see escape-shortcode.ts.
        const hugo = (t: string) => (t.includes('`') ? t.replace(/\\/g, '\uFF3C') : t);
        expect(args.title).toBe(hugo(want.title));
        expect(args.alt).toBe(hugo(want.alt));
        expect(args.link).toBe('https://youtu.be/aB3dE5fG7hJ?t=80');
      }),
      { numRuns: 150 },
    );
  });

  it('an alias that would read as a size is kept as text', () => {
    expect(obsidianAlias('300')).toBe('Slide 300');
    expect(obsidianAlias('640x480')).toBe('Slide 640x480');
    expect(obsidianAlias('a | b ]] [[c')).toBe('a ¦ b ⁆⁆ ⁅⁅c');
  });
});
