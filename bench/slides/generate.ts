// Renders a corpus video with ffmpeg (lavfi colour sources, drawtext, gradients for camera shots,
// xfade transitions, overlays) and derives its ground truth from the same timeline. Videos are
// cached under bench/.cache/slides/, keyed by a hash of their spec and of this generator.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Segment, Transition, VideoSpec } from './corpus';

export interface TruthInterval {
  start: number;
  end: number;
  /** The distinct slide on screen; null for camera shots and transitions. */
  label: string | null;
  /** False for the steps of a build before its last one. */
  final: boolean;
  /** Rendered picture of the slide's final state (decks made with real tools), for fidelity. */
  ref?: string;
  /** Where that slide sits in the frame, in fractions. */
  rect?: { x: number; y: number; w: number; h: number };
}

export interface Truth {
  duration: number;
  slides: string[];
  intervals: TruthInterval[];
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const W = 640;
const H = 360;
const FPS = 10;
export const CACHE = resolve(import.meta.dirname, '../.cache/slides');
const GENERATOR_VERSION = '4';

const transitionSeconds: Record<Transition, number> = { cut: 0.1, fade: 1, dissolve: 1.5, wipeleft: 1 };

const themes = {
  light: { bg: '0xf4f4f2', bar: '0x2b6cb0', title: '0x1a1a1a', text: '0x333333' },
  dark: { bg: '0x1c1d20', bar: '0x34363c', title: '0xb4b4b4', text: '0x8c8c8c' },
};

/** drawtext reads text from files: no escaping of commas, quotes or colons in the graph. */
function textFile(text: string): string {
  const dir = join(CACHE, 'text');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${createHash('sha1').update(text).digest('hex').slice(0, 16)}.txt`);
  if (!existsSync(path)) writeFileSync(path, text);
  return path;
}

function cameraGraph(seconds: number, calm: boolean, out: string, tag: string): string {
  const amp = calm ? 3 : 80;
  const speed = calm ? 0.002 : 0.02;
  return [
    // Seeded: ffmpeg picks the gradient's direction and the noise at random otherwise, and the
    // corpus (so every figure of the bench) would change each time it is rendered.
    `gradients=s=${W}x${H}:r=${FPS}:d=${seconds}:speed=${speed}:nb_colors=3:c0=0x5a4a3a:c1=0x9a8a7a:c2=0x3a4a5a:seed=${seconds}[${tag}g]`,
    `color=c=0x3a3f55:s=150x230:r=${FPS}:d=${seconds}[${tag}b]`,
    `color=c=0xc89a7a:s=64x74:r=${FPS}:d=${seconds}[${tag}h]`,
    `[${tag}g][${tag}b]overlay=x='245+${amp}*sin(t*1.3)':y='130+${amp / 8}*sin(t*2.1)'[${tag}gb]`,
    `[${tag}gb][${tag}h]overlay=x='288+${amp}*sin(t*1.3)':y='56+${amp / 6}*sin(t*1.7)'[${tag}gh]`,
    `[${tag}gh]noise=alls=12:allf=t:all_seed=${seconds},format=yuv420p[${out}]`,
  ].join(';');
}

function slideGraph(
  seg: Extract<Segment, { kind: 'slide' }>,
  theme: VideoSpec['theme'],
  out: string,
): string {
  const c = themes[theme];
  const parts = [
    `color=c=${c.bg}:s=${W}x${H}:r=${FPS}:d=${seg.seconds}`,
    `drawbox=x=0:y=0:w=${W}:h=14:color=${c.bar}:t=fill`,
    `drawtext=fontfile=${FONT_BOLD}:textfile=${textFile(seg.title)}:fontsize=34:fontcolor=${c.title}:x=40:y=44`,
    ...seg.bullets.map(
      (b, k) =>
        `drawtext=fontfile=${FONT}:textfile=${textFile(`\u2022 ${b}`)}:fontsize=24:fontcolor=${c.text}:x=56:y=${128 + 46 * k}`,
    ),
    'format=yuv420p',
  ];
  if (!seg.embeddedVideo) return `${parts.join(',')}[${out}]`;
  return [
    `${parts.join(',')}[${out}p]`,
    `testsrc2=s=220x130:r=${FPS}:d=${seg.seconds},format=yuv420p[${out}v]`,
    `[${out}p][${out}v]overlay=390:200[${out}]`,
  ].join(';');
}

/** The filter graph of the whole video and its ground truth, from one walk over the timeline. */
export function plan(spec: VideoSpec): { graph: string; truth: Truth } {
  const graphs: string[] = [];
  const intervals: TruthInterval[] = [];
  let chain = '';
  let length = 0;
  spec.segments.forEach((seg, i) => {
    const out = `s${i}`;
    graphs.push(
      seg.kind === 'slide'
        ? slideGraph(seg, spec.theme, out)
        : cameraGraph(seg.seconds, !!seg.calm, out, `c${i}`),
    );
    const fadeIn = i === 0 ? 0 : transitionSeconds[seg.into ?? 'cut'];
    const start = length - fadeIn;
    if (i === 0) chain = out;
    else {
      const name = seg.into && seg.into !== 'cut' ? seg.into : 'fade';
      graphs.push(
        `[${chain}][${out}]xfade=transition=${name}:duration=${fadeIn}:offset=${start.toFixed(2)}[x${i}]`,
      );
      chain = `x${i}`;
      intervals.push({ start, end: length, label: null, final: false });
    }
    const nextSeg = spec.segments[i + 1];
    const fadeOut = nextSeg ? transitionSeconds[nextSeg.into ?? 'cut'] : 0;
    const label = seg.kind === 'slide' ? seg.id : null;
    const final = seg.kind === 'slide' && !seg.partialBuild;
    intervals.push({ start: start + fadeIn, end: start + seg.seconds - fadeOut, label, final });
    length = start + seg.seconds;
  });
  let tail = `[${chain}]`;
  if (spec.pictureInPicture) {
    graphs.push(cameraGraph(length, false, 'pipcam', 'pc'));
    graphs.push(`color=c=0x2a2a2e:s=${W}x${H}:r=${FPS}:d=${length}[pipbg]`);
    graphs.push(`${tail}scale=480:270[pipsl]`, '[pipcam]scale=150:200[pipcb]');
    graphs.push('[pipbg][pipsl]overlay=0:45[pipa]', '[pipa][pipcb]overlay=485:80[pip]');
    tail = '[pip]';
  }
  const finish = spec.flicker
    ? "eq=eval=frame:brightness='0.035*sin(2*PI*1.3*t)':contrast='1+0.05*sin(2*PI*0.7*t)',noise=alls=10:allf=t:all_seed=1,"
    : '';
  graphs.push(`${tail}${finish}format=yuv420p[out]`);
  const slides = [...new Set(intervals.flatMap((iv) => (iv.label ? [iv.label] : [])))];
  return { graph: graphs.join(';'), truth: { duration: length, slides, intervals } };
}

/** The video file for a spec (rendered on first use) and its ground truth. */
export function ensureVideo(spec: VideoSpec): { path: string; truth: Truth } {
  const { graph, truth } = plan(spec);
  const key = createHash('sha1')
    .update(GENERATOR_VERSION + JSON.stringify(spec) + graph)
    .digest('hex')
    .slice(0, 10);
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `${spec.name}-${key}.mp4`);
  const truthPath = `${path}.truth.json`;
  if (existsSync(path) && existsSync(truthPath)) {
    return { path, truth: JSON.parse(readFileSync(truthPath, 'utf8')) as Truth };
  }
  const args = ['-v', 'error', '-nostdin', '-y', '-filter_complex', graph, '-map', '[out]'];
  args.push(
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    String(spec.crf),
    '-r',
    String(FPS),
    '-g',
    '50',
    path,
  );
  const run = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (run.error) throw new Error(`ffmpeg is needed to render the corpus: ${run.error.message}`);
  if (run.status !== 0)
    throw new Error(`ffmpeg failed on ${spec.name}: ${run.stderr.trim().split('\n').pop()}`);
  writeFileSync(truthPath, JSON.stringify(truth, null, 2));
  return { path, truth };
}
