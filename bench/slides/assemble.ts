// Assembles a talk video from rendered slide states with ffmpeg: hard cuts, crossfades and
// slide-ins (xfade), cuts to a synthetic moving camera, slide-beside-camera and camera-inset
// layouts, a video playing inside a slide, and YouTube-like compression (H.264 or VP9 at low
// bitrates, or an H.264 encode re-encoded). The ground truth comes from the same timeline walk.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Box } from './decks';
import { CACHE, type Truth, type TruthInterval } from './generate';

const W = 640;
const H = 360;
const FPS = 10;
const ASSEMBLER_VERSION = '4';

export type Layout = 'full' | 'beside' | 'inset';
export type Into = 'cut' | 'fade' | 'slideleft';

export interface StateSegment {
  kind: 'slide';
  png: string;
  label: string;
  /** A build step before the slide's last state. */
  partial: boolean;
  seconds: number;
  layout: Layout;
  /** A video playing in this part of the slide (fractions of the slide). */
  playing?: Box;
  into?: Into;
}

export interface CameraShot {
  kind: 'camera';
  seconds: number;
  calm?: boolean;
  into?: Into;
}

export type Encoding =
  | { codec: 'h264'; crf: number }
  | { codec: 'vp9'; kbps: number }
  | { codec: 'reencode'; crf: number };

export interface AssembledSpec {
  name: string;
  /** Class of video, for the per-class figures. */
  cls: string;
  segments: Array<StateSegment | CameraShot>;
  encoding: Encoding;
}

/** Where the slide sits in the frame, in fractions (for the fidelity comparison). */
export const slideRect: Record<Layout, Box> = {
  full: { x: 0, y: 0, w: 1, h: 1 },
  beside: { x: 12 / W, y: 56 / H, w: 440 / W, h: 248 / H },
  inset: { x: 0, y: 0, w: 1, h: 1 },
};

const fade: Record<Into, number> = { cut: 0.1, fade: 1, slideleft: 0.8 };

/**
 * A moving "camera" clip (lighting gradient, a swaying speaker, sensor grain), rendered once to a
 * file: lavfi sources inside the talk's graph stall behind xfade, files don't.
 */
function cameraClip(w: number, h: number, seconds: number, calm: boolean): string {
  const path = join(
    CACHE,
    'cameras',
    `cam-${w}x${h}-${seconds}${calm ? '-calm' : ''}-v${ASSEMBLER_VERSION}.mp4`,
  );
  if (existsSync(path)) return path;
  mkdirSync(join(CACHE, 'cameras'), { recursive: true });
  const amp = (calm ? 3 : 60) * (w / W);
  const speed = calm ? 0.002 : 0.02;
  const bw = Math.round(w * 0.24);
  const bh = Math.round(h * 0.62);
  const hw = Math.round(w * 0.1);
  const hh = Math.round(h * 0.2);
  const graph = [
    // Seeded: ffmpeg picks the gradient's direction and the noise at random otherwise, and the
    // corpus (so every figure of the bench) would change each time it is rendered.
    `gradients=s=${w}x${h}:r=${FPS}:d=${seconds}:speed=${speed}:nb_colors=3:c0=0x5a4a3a:c1=0x9a8a7a:c2=0x3a4a5a:seed=${w + h + seconds}[g]`,
    `color=c=0x3a3f55:s=${bw}x${bh}:r=${FPS}:d=${seconds}[b]`,
    `color=c=0xc89a7a:s=${hw}x${hh}:r=${FPS}:d=${seconds}[h]`,
    `[g][b]overlay=x='${Math.round(w * 0.38)}+${amp}*sin(t*1.3)':y='${Math.round(h * 0.38)}+${amp / 8}*sin(t*2.1)'[gb]`,
    `[gb][h]overlay=x='${Math.round(w * 0.45)}+${amp}*sin(t*1.3)':y='${Math.round(h * 0.15)}+${amp / 6}*sin(t*1.7)'[gh]`,
    `[gh]noise=alls=12:allf=t:all_seed=${w + h + seconds},format=yuv420p[out]`,
  ].join(';');
  ffmpeg(
    [
      '-filter_complex',
      graph,
      '-map',
      '[out]',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '16',
      `${path}.tmp.mp4`,
    ],
    'camera',
  );
  renameSync(`${path}.tmp.mp4`, path);
  return path;
}

/** One segment's 640x360 stream, from input `input` for slides. */
function segmentGraph(seg: StateSegment, input: number, out: string): string {
  const tag = `g${out}`;
  const parts = [`[${input}:v]scale=${W}:${H},setsar=1,fps=${FPS},format=yuv420p[${tag}s]`];
  let slide = `${tag}s`;
  if (seg.playing) {
    const b = seg.playing;
    const [bw, bh] = [Math.round(b.w * W) & ~1, Math.round(b.h * H) & ~1];
    parts.push(`testsrc2=s=${bw}x${bh}:r=${FPS}:d=${seg.seconds},format=yuv420p[${tag}v]`);
    parts.push(`[${slide}][${tag}v]overlay=${Math.round(b.x * W)}:${Math.round(b.y * H)}[${tag}p]`);
    slide = `${tag}p`;
  }
  if (seg.layout === 'full') parts.push(`[${slide}]null[${out}]`);
  else if (seg.layout === 'beside') {
    const r = slideRect.beside;
    parts.push(`color=c=0x202124:s=${W}x${H}:r=${FPS}:d=${seg.seconds}[${tag}bg]`);
    parts.push(`[${slide}]scale=${Math.round(r.w * W)}:${Math.round(r.h * H)}[${tag}sm]`);
    parts.push(`[${input + 1}:v]setsar=1[${tag}cam]`);
    parts.push(`[${tag}bg][${tag}sm]overlay=${Math.round(r.x * W)}:${Math.round(r.y * H)}[${tag}a]`);
    parts.push(`[${tag}a][${tag}cam]overlay=462:60,format=yuv420p[${out}]`);
  } else {
    parts.push(`[${input + 1}:v]setsar=1[${tag}cam]`);
    parts.push(`[${slide}][${tag}cam]overlay=468:252,format=yuv420p[${out}]`);
  }
  return parts.join(';');
}

/**
 * One slide segment (its layout, camera and playing region) rendered to its own clip: xfade in
 * this ffmpeg stalls a looped image's partner stream, while clips from files cross-fade cleanly.
 */
function slideClip(seg: StateSegment): string {
  const key = createHash('sha1')
    .update(ASSEMBLER_VERSION + JSON.stringify({ ...seg, into: undefined }))
    .digest('hex')
    .slice(0, 12);
  const path = join(CACHE, 'clips', `${key}.mp4`);
  if (existsSync(path)) return path;
  mkdirSync(join(CACHE, 'clips'), { recursive: true });
  const inputs = ['-loop', '1', '-framerate', String(FPS), '-t', String(seg.seconds), '-i', seg.png];
  if (seg.layout !== 'full') {
    const [w, h] = seg.layout === 'beside' ? [168, 240] : [160, 96];
    inputs.push('-i', cameraClip(w, h, seg.seconds, false));
  }
  const graph = segmentGraph(seg, 0, 'out');
  ffmpeg(
    [
      ...inputs,
      '-filter_complex',
      graph,
      '-map',
      '[out]',
      '-t',
      String(seg.seconds),
      '-r',
      String(FPS),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '14',
      `${path}.tmp.mp4`,
    ],
    'clip',
  );
  renameSync(`${path}.tmp.mp4`, path);
  return path;
}

export function assemblePlan(spec: AssembledSpec): { inputs: string[][]; graph: string; truth: Truth } {
  const inputs: string[][] = [];
  const graphs: string[] = [];
  const intervals: TruthInterval[] = [];
  let chain = '';
  let length = 0;
  spec.segments.forEach((seg, i) => {
    const out = `s${i}`;
    inputs.push(['-i', seg.kind === 'slide' ? slideClip(seg) : cameraClip(W, H, seg.seconds, !!seg.calm)]);
    graphs.push(`[${inputs.length - 1}:v]setsar=1,format=yuv420p[${out}]`);
    const fadeIn = i === 0 ? 0 : fade[seg.into ?? 'cut'];
    const start = length - fadeIn;
    if (i === 0) chain = out;
    else {
      const name = seg.into === 'slideleft' ? 'slideleft' : 'fade';
      graphs.push(
        `[${chain}][${out}]xfade=transition=${name}:duration=${fadeIn}:offset=${start.toFixed(2)}[x${i}]`,
      );
      chain = `x${i}`;
      intervals.push({ start, end: length, label: null, final: false });
    }
    const next = spec.segments[i + 1];
    const fadeOut = next ? fade[next.into ?? 'cut'] : 0;
    const slide = seg.kind === 'slide' ? seg : null;
    intervals.push({
      start: start + fadeIn,
      end: start + seg.seconds - fadeOut,
      label: slide?.label ?? null,
      final: !!slide && !slide.partial,
      ...(slide ? { ref: slide.png, rect: slideRect[slide.layout] } : {}),
    });
    length = start + seg.seconds;
  });
  graphs.push(`[${chain}]format=yuv420p[out]`);
  const slides = [...new Set(intervals.flatMap((iv) => (iv.label ? [iv.label] : [])))];
  return { inputs, graph: graphs.join(';'), truth: { duration: length, slides, intervals } };
}

function ffmpeg(args: string[], name: string): void {
  const run = spawnSync('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args], { encoding: 'utf8' });
  if (run.error) throw new Error(`ffmpeg is needed to render the corpus: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`ffmpeg failed on ${name}: ${run.stderr.trim().split('\n').pop()}`);
}

/** The video for an assembled spec (rendered on first use, cached by content) and its truth. */
export function ensureAssembled(spec: AssembledSpec): { path: string; truth: Truth } {
  const { inputs, graph, truth } = assemblePlan(spec);
  const key = createHash('sha1')
    .update(ASSEMBLER_VERSION + JSON.stringify(spec) + graph)
    .digest('hex')
    .slice(0, 10);
  const dir = join(CACHE, 'assembled');
  mkdirSync(dir, { recursive: true });
  const ext = spec.encoding.codec === 'vp9' ? 'webm' : 'mp4';
  const path = join(dir, `${spec.name}-${key}.${ext}`);
  const truthPath = `${path}.truth.json`;
  if (existsSync(path) && existsSync(truthPath))
    return { path, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as Truth };
  const head = [...inputs.flat(), '-filter_complex', graph, '-map', '[out]', '-r', String(FPS)];
  const e = spec.encoding;
  const tmp = `${path}.tmp.${ext}`;
  if (e.codec === 'vp9') {
    ffmpeg(
      [
        ...head,
        '-c:v',
        'libvpx-vp9',
        '-b:v',
        `${e.kbps}k`,
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        '-g',
        '50',
        tmp,
      ],
      spec.name,
    );
  } else if (e.codec === 'h264') {
    ffmpeg(
      [...head, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(e.crf), '-g', '50', tmp],
      spec.name,
    );
  } else {
    const first = `${path}.first.mp4`;
    ffmpeg([...head, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '24', '-g', '30', first], spec.name);
    ffmpeg(
      ['-i', first, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(e.crf), '-g', '120', tmp],
      spec.name,
    );
  }
  renameSync(tmp, path);
  writeFileSync(truthPath, JSON.stringify(truth, null, 2));
  return { path, truth };
}
