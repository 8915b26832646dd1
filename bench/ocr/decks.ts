// Rendered slide decks with known text, for tuning and measuring slide OCR. Six templates (light
// band, dark, title slide; two columns, kicker + serif, code), the words drawn from a seeded
// generator, so no deck is a hand-picked example. Each deck becomes one H.264 video at a chosen
// height (CRF 30, like a streamed talk), and each slide's frame is taken back from the video:
// what OCR sees has been through compression. Cached under bench/.cache/ocr/.
// The "tune" templates set the constants of src/core/ocr/slide-text.ts; the "held-out" ones
// were never looked at while tuning and are reported on their own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CACHE = resolve(import.meta.dirname, '../.cache/ocr');
const GENERATOR_VERSION = '1';
const FONTS = '/usr/share/fonts/truetype/dejavu';
const F = {
  sans: `${FONTS}/DejaVuSans.ttf`,
  bold: `${FONTS}/DejaVuSans-Bold.ttf`,
  serif: `${FONTS}/DejaVuSerif.ttf`,
  serifBold: `${FONTS}/DejaVuSerif-Bold.ttf`,
  mono: `${FONTS}/DejaVuSansMono.ttf`,
};

export type Split = 'tune' | 'held-out';

/** One slide's truth: its title and every line in reading order (bullets not included). */
export interface SlideTruth {
  deck: string;
  split: Split;
  title: string;
  lines: string[];
  /** The frame as captured from the compressed video. */
  png: string;
}

interface Draw {
  text: string;
  x: number | 'center' | 'right';
  y: number;
  size: number;
  color: string;
  font: string;
}

interface Rendered {
  bg: string;
  boxes: { x: number; y: number; w: number; h: number; color: string }[];
  draws: Draw[];
  title: string;
  lines: string[];
}

// --- words ---------------------------------------------------------------------------------

const VOCAB = (
  'cluster service mesh policy latency budget rollout canary cache storage network secret ' +
  'token audit schema query index vector model training data pipeline stream event queue ' +
  'worker scheduler container image registry build release version upgrade migration ' +
  'security identity access control observability metrics traces logs alert incident ' +
  'runbook capacity scaling region zone failover backup restore compliance review design ' +
  'platform team developer experience feedback loop testing coverage fuzzing benchmark ' +
  'memory compiler runtime garbage collector thread async await kernel driver firmware'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function words(r: () => number, min: number, max: number): string[] {
  const n = min + Math.floor(r() * (max - min + 1));
  return Array.from({ length: n }, () => VOCAB[Math.floor(r() * VOCAB.length)] as string);
}

/** A title that fits the slide's width at its size (drawn text past the edge is not on the slide). */
function title(r: () => number, maxChars = 26): string {
  for (;;) {
    const w = words(r, 2, 5).map(cap);
    if (r() < 0.3) w.push(String(2019 + Math.floor(r() * 8)));
    const t = w.join(' ') + (r() < 0.2 ? '?' : '');
    if (t.length <= maxChars) return t;
  }
}

function sentence(r: () => number, min = 3, max = 7, maxChars = 48): string {
  let w = words(r, min, max);
  while (w.join(' ').length > maxChars) w = words(r, min, max);
  if (r() < 0.25) w.splice(1, 0, `${1 + Math.floor(r() * 99)}%`);
  const s = cap(w.join(' '));
  return r() < 0.2 ? `${s},` : s;
}

// --- templates (positions at 1280x720, scaled) ----------------------------------------------

type Template = (r: () => number, n: number) => Rendered;

const templates: Record<string, { split: Split; make: Template }> = {
  band: {
    split: 'tune',
    make: (r) => {
      const t = title(r);
      const bullets = Array.from({ length: 2 + Math.floor(r() * 3) }, () => sentence(r, 3, 5, 44));
      const footer = `${cap(VOCAB[Math.floor(r() * VOCAB.length)] as string)} Conf 2026`;
      return {
        bg: '0xf8fafc',
        boxes: [{ x: 0, y: 0, w: 1280, h: 72, color: '0x2563eb' }],
        draws: [
          { text: t, x: 80, y: 120, size: 60, color: '0x0f172a', font: F.bold },
          ...bullets.map((b, i) => ({
            text: `• ${b}`,
            x: 80,
            y: 236 + 72 * i,
            size: 40,
            color: '0x334155',
            font: F.sans,
          })),
          { text: footer, x: 32, y: 672, size: 24, color: '0x64748b', font: F.sans },
        ],
        title: t,
        lines: [t, ...bullets, footer],
      };
    },
  },
  dark: {
    split: 'tune',
    make: (r) => {
      const t = title(r);
      const bullets = Array.from({ length: 2 + Math.floor(r() * 3) }, () => sentence(r, 2, 6, 44));
      return {
        bg: '0x0f172a',
        boxes: [],
        draws: [
          { text: t, x: 'center', y: 80, size: 64, color: '0xffffff', font: F.bold },
          ...bullets.map((b, i) => ({
            text: `- ${b}`,
            x: 160,
            y: 230 + 80 * i,
            size: 38,
            color: '0xcbd5e1',
            font: F.sans,
          })),
        ],
        title: t,
        lines: [t, ...bullets],
      };
    },
  },
  cover: {
    split: 'tune',
    make: (r) => {
      const t = title(r, 22);
      const subs = [sentence(r, 2, 4), `${cap(VOCAB[Math.floor(r() * VOCAB.length)] as string)} Speaker`];
      return {
        bg: '0xfff7ed',
        boxes: [{ x: 0, y: 680, w: 1280, h: 40, color: '0xea580c' }],
        draws: [
          { text: t, x: 'center', y: 250, size: 72, color: '0x1c1917', font: F.bold },
          ...subs.map((s, i) => ({
            text: s,
            x: 'center' as const,
            y: 390 + 60 * i,
            size: 36,
            color: '0x44403c',
            font: F.sans,
          })),
        ],
        title: t,
        lines: [t, ...subs],
      };
    },
  },
  columns: {
    split: 'held-out',
    make: (r) => {
      const t = title(r);
      const left = Array.from({ length: 3 }, () => sentence(r, 2, 3, 26));
      const right = Array.from({ length: 3 }, () => sentence(r, 2, 3, 26));
      const col = (items: string[], x: number) =>
        items.map((b, i) => ({
          text: b,
          x,
          y: 220 + 70 * i,
          size: 34,
          color: '0x1f2937',
          font: F.sans,
        }));
      return {
        bg: '0xffffff',
        boxes: [{ x: 80, y: 190, w: 1120, h: 4, color: '0x10b981' }],
        draws: [
          { text: t, x: 80, y: 90, size: 56, color: '0x065f46', font: F.bold },
          ...col(left, 80),
          ...col(right, 680),
        ],
        title: t,
        lines: [t, ...left, ...right],
      };
    },
  },
  kicker: {
    split: 'held-out',
    make: (r, n) => {
      const kicker = `CHAPTER ${n + 1} ${(VOCAB[Math.floor(r() * VOCAB.length)] as string).toUpperCase()}`;
      const t = title(r);
      const body = [sentence(r, 5, 7, 60), sentence(r, 4, 7, 60)];
      const caption = `Source ${cap(VOCAB[Math.floor(r() * VOCAB.length)] as string)} report ${2020 + n}`;
      return {
        bg: '0xf5f5f4',
        boxes: [],
        draws: [
          { text: kicker, x: 96, y: 110, size: 26, color: '0x7c3aed', font: F.bold },
          { text: t, x: 96, y: 160, size: 52, color: '0x1c1917', font: F.serifBold },
          ...body.map((b, i) => ({
            text: b,
            x: 96,
            y: 290 + 56 * i,
            size: 32,
            color: '0x292524',
            font: F.serif,
          })),
          { text: caption, x: 96, y: 640, size: 22, color: '0x78716c', font: F.sans },
        ],
        title: t,
        lines: [kicker, t, ...body, caption],
      };
    },
  },
  code: {
    split: 'held-out',
    make: (r) => {
      const t = title(r);
      const code = Array.from({ length: 3 }, () => {
        const w = words(r, 2, 3);
        return `${w[0]}.${w[1]}(${w[2] ?? 'x'}, ${Math.floor(r() * 100)})`;
      });
      return {
        bg: '0xfffbeb',
        boxes: [{ x: 64, y: 220, w: 1152, h: 260, color: '0xfef3c7' }],
        draws: [
          { text: t, x: 80, y: 100, size: 54, color: '0xb91c1c', font: F.serifBold },
          ...code.map((c, i) => ({
            text: c,
            x: 110,
            y: 260 + 64 * i,
            size: 30,
            color: '0x1f2937',
            font: F.mono,
          })),
        ],
        title: t,
        lines: [t, ...code],
      };
    },
  },
};

export const SLIDES_PER_DECK = 4;

// --- rendering ------------------------------------------------------------------------------

function textFile(text: string): string {
  const dir = join(CACHE, 'text');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${createHash('sha1').update(text).digest('hex').slice(0, 16)}.txt`);
  if (!existsSync(path)) writeFileSync(path, text);
  return path;
}

function slideFilter(s: Rendered, height: number): string {
  const k = height / 720;
  const px = (v: number) => Math.round(v * k);
  const parts = s.boxes.map(
    (b) => `drawbox=x=${px(b.x)}:y=${px(b.y)}:w=${px(b.w)}:h=${px(b.h)}:color=${b.color}:t=fill`,
  );
  for (const d of s.draws) {
    const x = d.x === 'center' ? '(w-text_w)/2' : d.x === 'right' ? `w-text_w-${px(80)}` : String(px(d.x));
    parts.push(
      `drawtext=expansion=none:fontfile=${d.font}:textfile=${textFile(d.text)}:fontsize=${px(d.size)}:fontcolor=${d.color}:x=${x}:y=${px(d.y)}`,
    );
  }
  return parts.join(',');
}

function run(args: string[]): void {
  const out = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`ffmpeg failed: ${out.stderr}`);
}

/** Renders (or reuses) every deck at `height` and returns each slide's truth and frame. */
export function decks(height = 720, perDeck = SLIDES_PER_DECK): SlideTruth[] {
  const width = Math.round((height * 16) / 9 / 2) * 2;
  const all: SlideTruth[] = [];
  for (const [name, tpl] of Object.entries(templates)) {
    const r = rng([...name].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
    const slides = Array.from({ length: perDeck }, (_, n) => tpl.make(r, n));
    const key = createHash('sha1')
      .update(
        JSON.stringify({
          GENERATOR_VERSION,
          height,
          slides,
          src: readFileSync(import.meta.filename, 'utf8'),
        }),
      )
      .digest('hex')
      .slice(0, 12);
    const dir = join(CACHE, `${name}-${height}-${key}`);
    const video = join(dir, 'deck.mp4');
    if (!existsSync(join(dir, 'done'))) {
      mkdirSync(dir, { recursive: true });
      // One input per slide, 1 s each, concatenated, then encoded as a streamed talk would be.
      const inputs = slides.flatMap((s) => [
        '-f',
        'lavfi',
        '-i',
        `color=c=${s.bg}:s=${width}x${height}:r=10:d=1`,
      ]);
      const chains = slides.map((s, i) => `[${i}:v]${slideFilter(s, height)},format=yuv420p[s${i}]`);
      const concat = `${slides.map((_, i) => `[s${i}]`).join('')}concat=n=${slides.length}:v=1:a=0[v]`;
      run([
        ...inputs,
        '-filter_complex',
        [...chains, concat].join(';'),
        '-map',
        '[v]',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '30',
        video,
      ]);
      slides.forEach((_, i) => {
        run(['-ss', String(i + 0.55), '-i', video, '-frames:v', '1', join(dir, `slide-${i + 1}.png`)]);
      });
      writeFileSync(join(dir, 'done'), '');
    }
    slides.forEach((s, i) => {
      all.push({
        deck: name,
        split: tpl.split,
        title: s.title,
        lines: s.lines,
        png: join(dir, `slide-${i + 1}.png`),
      });
    });
  }
  return all;
}
