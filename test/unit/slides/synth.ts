// Synthetic 160x90 luma frames for the detector tests: slides with blocky "text" (each character
// a fixed 3x5 pattern), camera pictures, crossfades, flicker and noise. Deterministic (seeded).
import type { LumaFrame } from '../../../src/core/slides/index';

export const W = 160;
export const H = 90;

/** Small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** A 3x5 glyph per character: 15 bits derived from the character code (never blank). */
function glyph(ch: string): number {
  const code = ch.charCodeAt(0);
  return ((Math.imul(code, 2654435761) >>> 9) & 0x7fff) | 0x4001;
}

export interface SlideLook {
  bg: number;
  fg: number;
  /** Colour of the bar at the top (same on every slide of a deck, like a template). */
  bar?: number;
}

export const light: SlideLook = { bg: 240, fg: 30, bar: 90 };
export const dark: SlideLook = { bg: 26, fg: 95, bar: 50 };

/**
 * Draws one line of blocky text centred on (cx, cy), `dot` px per glyph dot (any size, not only
 * whole pixels), in place: each pixel takes the share of it the glyphs cover, as a downscaled
 * video frame shows text.
 */
export function textLine(
  data: Uint8Array,
  text: string,
  dot: number,
  cx: number,
  cy: number,
  fg: number,
): void {
  const x0 = cx - (text.length * 4 * dot - dot) / 2;
  const y0 = cy - (5 * dot) / 2;
  const sub = 4;
  const inked = (x: number, y: number) => {
    const gy = Math.floor((y - y0) / dot);
    const cell = Math.floor((x - x0) / dot);
    const col = Math.floor(cell / 4);
    const gx = cell - col * 4;
    const ch = text[col];
    if (gy < 0 || gy > 4 || cell < 0 || gx > 2 || ch === undefined || ch === ' ') return false;
    return ((glyph(ch) >> (gy * 3 + gx)) & 1) === 1;
  };
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(H, Math.ceil(y0 + 5 * dot)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(W, Math.ceil(x0 + text.length * 4 * dot)); x++) {
      let covered = 0;
      for (let sy = 0; sy < sub; sy++)
        for (let sx = 0; sx < sub; sx++) if (inked(x + (sx + 0.5) / sub, y + (sy + 0.5) / sub)) covered++;
      if (covered === 0) continue;
      const i = y * W + x;
      const bg = data[i] ?? 0;
      data[i] = clamp(bg + ((fg - bg) * covered) / (sub * sub));
    }
  }
}

/** A slide picture: a title bar and lines of blocky text, 2 px per glyph dot. */
export function slide(lines: readonly string[], look: SlideLook = light, width = W, height = H): Uint8Array {
  const data = new Uint8Array(width * height).fill(look.bg);
  for (let x = 0; x < width; x++) for (let y = 0; y < 4; y++) data[y * width + x] = look.bar ?? look.bg;
  lines.forEach((line, row) => {
    const y0 = 10 + row * 13;
    [...line].forEach((ch, col) => {
      if (ch === ' ') return;
      const bits = glyph(ch);
      const x0 = 6 + col * 8;
      for (let gy = 0; gy < 5; gy++) {
        for (let gx = 0; gx < 3; gx++) {
          if (!((bits >> (gy * 3 + gx)) & 1)) continue;
          for (let dy = 0; dy < 2; dy++) {
            for (let dx = 0; dx < 2; dx++) {
              const x = x0 + gx * 2 + dx;
              const y = y0 + gy * 2 + dy;
              if (x < width && y < height) data[y * width + x] = look.fg;
            }
          }
        }
      }
    });
  });
  return data;
}

/** A speaker-camera picture: lighting gradient, a body that sways with time, sensor noise. */
export function camera(t: number, random: () => number, width = W, height = H, sway = 18): Uint8Array {
  const data = new Uint8Array(width * height);
  const cx = width / 2 + sway * Math.sin(t * 1.3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const wall = 70 + (90 * x) / width + (40 * y) / height;
      const body = Math.abs(x - cx) < width / 8 && y > height / 3 ? 55 : 0;
      const head = (x - cx) ** 2 + (y - height / 4) ** 2 < (height / 9) ** 2 ? 170 : 0;
      const v = head || body || wall;
      data[y * width + x] = clamp(v + (random() - 0.5) * 12);
    }
  }
  return data;
}

/**
 * A calm camera shot: a speaker standing still before an even wall, its texture fixed, a few
 * pixels flickering with sensor noise from one frame to the next. Most of it is flat enough to
 * pass for a slide's background.
 */
export function calmCamera(random: () => number, width = W, height = H): Uint8Array {
  const texture = rng(7);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const wall = 120 + (6 * x) / width;
      const body = Math.abs(x - width / 2) < width / 8 && y > height / 3 ? -60 : 0;
      const grain = texture() < 0.15 ? (texture() < 0.5 ? -4 : 4) : 0;
      const noise = random() < 0.015 ? (random() < 0.5 ? -1 : 1) * (4 + random() * 4) : 0;
      data[y * width + x] = clamp(wall + body + grain + noise);
    }
  }
  return data;
}

export function blend(a: Uint8Array, b: Uint8Array, alpha: number): Uint8Array {
  return a.map((v, i) => clamp(v * (1 - alpha) + (b[i] ?? 0) * alpha));
}

/** Flicker (gain and offset) plus noise, like a filmed projector or a heavily compressed stream. */
export function degrade(
  data: Uint8Array,
  gain: number,
  offset: number,
  noise: number,
  random: () => number,
): Uint8Array {
  return data.map((v) => clamp(v * gain + offset + (random() - 0.5) * 2 * noise));
}

/** Pastes `inner` (w x h) into `outer` (W x H) at (x, y). */
export function paste(
  outer: Uint8Array,
  inner: Uint8Array,
  w: number,
  h: number,
  x: number,
  y: number,
): Uint8Array {
  const out = outer.slice();
  for (let row = 0; row < h; row++) {
    for (let col = 0; col < w; col++) {
      if (x + col < W && y + row < H) out[(y + row) * W + x + col] = inner[row * w + col] ?? 0;
    }
  }
  return out;
}

/** Frames at `fps` from `t0` for `seconds`, each drawn by `draw(t)`. */
export function frames(t0: number, seconds: number, draw: (t: number) => Uint8Array, fps = 2): LumaFrame[] {
  const out: LumaFrame[] = [];
  for (let i = 0; i < Math.round(seconds * fps); i++) {
    const t = t0 + i / fps;
    out.push({ t, width: W, height: H, data: draw(t) });
  }
  return out;
}

/** Concatenates segments, each given as (seconds, draw), on one timeline. */
export function timeline(segments: Array<[number, (t: number) => Uint8Array]>, fps = 2): LumaFrame[] {
  const out: LumaFrame[] = [];
  let t0 = 0;
  for (const [seconds, draw] of segments) {
    out.push(...frames(t0, seconds, draw, fps));
    t0 += seconds;
  }
  return out;
}
