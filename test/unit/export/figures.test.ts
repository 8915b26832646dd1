// Figure titles from the template, alt text from the slide's words, and chapters as
// sub-headings, in every format, on the fixture post with OCR text on some slides.
import { describe, expect, it } from 'vitest';
import { exportPost } from '../../../src/core/export';
import { withChapters } from '../../../src/core/export/chapters';
import { altMaxLength, figureText, trimText } from '../../../src/core/export/figure';
import type { ExportFormat, ExportOptions } from '../../../src/core/export/types';
import type { ImageId, Note, NoteId, Snapshot, TalkId } from '../../../src/core/model';
import { harbourConf, postId } from '../../fixtures/posts/harbour-conf';
import { fileText, nodes, plainText, splitFrontMatter } from './helpers';

const readAt = '2026-05-13T18:00:00.000Z';

/** The fixture with OCR text on two slides, a channel and chapters on the first keynote. */
function withSlideText(): Snapshot {
  const s = harbourConf();
  const talk = s.talks.find((t) => t.id === 't_keynote1');
  if (!talk) throw new Error('fixture');
  talk.channel = 'Harbour Conf';
  talk.chapters = [
    { start: 0, title: 'Welcome' },
    { start: 70, title: 'Where we stand' },
    { start: 125, title: 'Next year' },
    { start: 200, title: 'Questions' },
  ];
  for (const img of s.images) {
    if (img.id === 'i_red')
      img.text = {
        lines: ['Compiler output', 'sizes by year'],
        title: 'Compiler output',
        engine: 't',
        readAt,
      };
    if (img.id === 'i_orange')
      img.text = { lines: ['Service mesh', 'in WebAssembly'], title: 'Service mesh', engine: 't', readAt };
  }
  return s;
}

function markdownOf(s: Snapshot, format: ExportFormat, options?: Partial<ExportOptions>): string {
  const r = exportPost(s, postId, format, options);
  if (!r.ok) throw new Error(r.error);
  const f = r.value[0];
  if (!f) throw new Error('no file');
  return fileText(r.value, f.path);
}

describe('figure titles and alt text', () => {
  const s = withSlideText();
  const note = (id: ImageId) => s.notes.find((n) => n.imageId === id) as Note;
  const talkOf = (n: Note) => {
    const t = s.talks.find((x) => x.id === n.talkId);
    if (!t) throw new Error('fixture');
    return t;
  };
  const imageOf = (id: ImageId) => {
    const i = s.images.find((x) => x.id === id);
    if (!i) throw new Error('fixture');
    return i;
  };
  const tpl = '[{event} - ][{label} - ]{slide}';

  it('titles a slide "<channel> - <label> - <slide>"; the typed caption wins over the title read on it', () => {
    const n = note('i_red' as ImageId);
    const f = figureText(tpl, n, talkOf(n), imageOf('i_red' as ImageId));
    expect(f.title).toBe('Harbour Conf - Keynote - Compiler sizes over time');
    expect(f.alt).toBe('Compiler output sizes by year');
    expect(f.timed).toBe(false);
  });

  it('uses the title read on the slide when no caption was typed', () => {
    const n = note('i_orange' as ImageId);
    const f = figureText(tpl, n, talkOf(n), imageOf('i_orange' as ImageId));
    expect(f.title).toBe('Service mesh');
    expect(f.alt).toBe('Service mesh in WebAssembly');
  });

  it('falls back to the caption for alt text, then to the talk and moment', () => {
    const green = note('i_green' as ImageId);
    expect(figureText(tpl, green, talkOf(green), imageOf('i_green' as ImageId)).alt).toBe('Roadmap for 2027');
    const bare = { ...note('i_orange' as ImageId), text: '' };
    const noText = { ...imageOf('i_orange' as ImageId), text: undefined };
    const f = figureText(tpl, bare, talkOf(bare), noText);
    expect(f.title).toBe('Moving 200 Services to WebAssembly (5:00)');
    expect(f.alt).toBe('Slide from Moving 200 Services to WebAssembly at 5:00');
    expect(f.timed).toBe(true);
  });

  it('fills every placeholder and drops a bracket group whose placeholder is empty', () => {
    const n = note('i_red' as ImageId);
    const t = talkOf(n);
    const img = imageOf('i_red' as ImageId);
    expect(figureText('{talk} by {speaker} at {time}: {slide}', n, t, img).title).toBe(
      'The State of Tiny Compilers by Ines Varga at 1:20: Compiler sizes over time',
    );
    expect(figureText('[{event} / ]{slide}', n, { ...t, channel: '' }, img).title).toBe(
      'Compiler sizes over time',
    );
    // An unknown placeholder shows as written, so a typo is seen; an empty result falls back.
    expect(figureText('{slid}', n, t, img).title).toBe('{slid}');
    expect(figureText('[{event}]', n, { ...t, channel: '' }, img).title).toBe('Compiler sizes over time');
  });

  it('cuts long slide text at a word, within the limit', () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const cut = trimText(long, altMaxLength);
    expect(Array.from(cut).length).toBeLessThanOrEqual(altMaxLength);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1)).toMatch(/word\d+$/);
    expect(trimText('short', 10)).toBe('short');
  });

  it('shows title and alt in every format', () => {
    const hugo = markdownOf(s, 'hugo');
    expect(hugo).toContain(
      'title=`Harbour Conf - Keynote - Compiler sizes over time` alt=`Compiler output sizes by year`',
    );
    expect(hugo).toContain('title=`Service mesh` alt=`Service mesh in WebAssembly`');

    const md = markdownOf(s, 'markdown');
    const images = nodes(md, 'image');
    expect(images.map(plainText).slice(0, 4)).toEqual([
      'Compiler output sizes by year',
      'Roadmap for 2027',
      expect.any(String),
      'Service mesh in WebAssembly',
    ]);
    expect(images[0]?.title).toBe('Harbour Conf - Keynote - Compiler sizes over time');

    const jekyll = markdownOf(s, 'jekyll');
    expect(jekyll).toContain(
      '[![Compiler output sizes by year](/assets/img/harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg "Harbour Conf - Keynote - Compiler sizes over time")]',
    );

    const obsidian = markdownOf(s, 'obsidian');
    expect(obsidian).toContain(
      '![[attachments/harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg|Compiler output sizes by year|600]]\n[Harbour Conf \\- Keynote \\- Compiler sizes over time · 1:20](https://youtu.be/aB3dE5fG7hJ?t=80)',
    );
  });

  it('Obsidian writes the moment once when the title is the talk and moment', () => {
    const bare = harbourConf();
    const obsidian = markdownOf(bare, 'obsidian');
    expect(obsidian).toContain(
      '[Moving 200 Services to WebAssembly \\(5:00\\)](https://vimeo.com/123456789#t=300s)',
    );
    expect(obsidian).not.toMatch(/\(\d+:\d\d\) · \d+:\d\d/);
  });

  it('the template is an option', () => {
    expect(markdownOf(s, 'hugo', { figureTitleTemplate: '{slide} ({time})' })).toContain(
      'title=`Compiler sizes over time (1:20)`',
    );
  });
});

describe('chapters as sub-headings', () => {
  const h4 = (md: string) => nodes(md, 'heading', 4).map(plainText);

  it('puts each note under its chapter; a heading the user wrote near a chapter start replaces it', () => {
    const md = markdownOf(withSlideText(), 'markdown');
    // "Welcome" has no notes; "Where we stand" (70 s) gives way to the user's "Where we are" at 75 s;
    // "Questions" (200 s) has nothing after it.
    expect(h4(md)).toEqual(['Where we are', 'Next year']);
    const at = (text: string) => md.indexOf(text);
    expect(at('#### Next year')).toBeGreaterThan(at('Binary size is'));
    expect(at('#### Next year')).toBeLessThan(at('Roadmap for 2027'));
  });

  it('in every format, and not when the option is off', () => {
    for (const format of ['hugo', 'jekyll', 'obsidian', 'markdown'] as const) {
      const text = markdownOf(withSlideText(), format);
      const body = format === 'markdown' ? text : splitFrontMatter(text).body;
      expect(body, format).toContain('\n#### Next year\n');
      expect(markdownOf(withSlideText(), format, { chapterHeadings: false }), format).not.toContain(
        '#### Next year',
      );
    }
  });

  it('picks the last chapter started before a note, skips untitled ones, and shows each once', () => {
    const t = (time: number, kind: Note['kind'] = 'text') => ({
      note: {
        id: `n${time}` as NoteId,
        talkId: 't' as TalkId,
        time,
        kind,
        text: 'x',
        createdAt: '',
        updatedAt: '',
      },
    });
    const chapters = [
      { start: 60, title: 'B' },
      { start: 0, title: 'A' },
      { start: 90, title: '  ' },
      { start: 110, title: 'C' },
      { start: 130, title: 'D' },
    ];
    const out = withChapters(chapters, [t(5), t(10), t(95), t(125), t(140), t(141)]).map((x) =>
      'chapter' in x ? `#${x.chapter}` : x.item.note.time,
    );
    expect(out).toEqual(['#A', 5, 10, '#B', 95, '#C', 125, '#D', 140, 141]);
    // A user heading 8 s before "D" takes its place.
    const mine = withChapters(chapters, [t(5), t(122, 'heading'), t(140)]).map((x) =>
      'chapter' in x ? `#${x.chapter}` : x.item.note.time,
    );
    expect(mine).toEqual(['#A', 5, '#C', 122, 140]);
    expect(withChapters([], [t(5)])).toEqual([{ item: t(5) }]);
  });
});
