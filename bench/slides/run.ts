// `npm run bench:slides`: renders the corpus (cached), runs the extension's detector through the
// CLI's decoding path and ffmpeg's scene filter over every video in the same run, and prints
// per-video and overall precision / recall / F1 plus the detector's CPU time per sampled frame.
import { detectVideoSlides } from '../../src/cli/slides-detect';
import { decodeLuma } from '../../src/cli/slides-ffmpeg';
import { createSlideDetector, type LumaFrame, slideDefaults } from '../../src/core/slides/index';
import { sceneBaseline } from './baseline';
import { corpus } from './corpus';
import { ensureVideo } from './generate';
import { pooled, type Score, score } from './score';

const TARGET_F1 = 0.95;
const TARGET_CPU_MS = 1;
const verbose = process.argv.includes('--verbose');

const pct = (x: number) => `${(100 * x).toFixed(0).padStart(3)}%`;
const row = (name: string, d: Score, b: Score) =>
  `${name.padEnd(16)} ${String(d.slides).padStart(3)}  ${pct(d.precision)} ${pct(d.recall)} ${d.f1.toFixed(3)}   ${pct(b.precision)} ${pct(b.recall)} ${b.f1.toFixed(3)}`;

/**
 * CPU per frame of the detector replaying decoded frames in a tight loop (one cpuUsage span, no
 * I/O in it), next to a bare pass that only copies and sums each frame, measured the same way.
 */
function replayCpu(videos: LumaFrame[][]): { detector: number; bare: number } {
  const frames = videos.reduce((n, v) => n + v.length, 0);
  const before = process.cpuUsage();
  for (const video of videos) {
    const detector = createSlideDetector();
    for (const frame of video) detector.push(frame);
  }
  const used = process.cpuUsage(before);
  const bareBefore = process.cpuUsage();
  let sink = 0;
  for (const video of videos) {
    for (const frame of video) {
      const copy = frame.data.slice();
      for (let i = 0; i < copy.length; i++) sink += copy[i] ?? 0;
    }
  }
  const bareUsed = process.cpuUsage(bareBefore);
  if (sink < 0) console.log(sink);
  return {
    detector: (used.user + used.system) / 1000 / frames,
    bare: (bareUsed.user + bareUsed.system) / 1000 / frames,
  };
}

async function main(): Promise<number> {
  const started = Date.now();
  const ours: Score[] = [];
  const theirs: Score[] = [];
  let frames = 0;
  let cpuMicros = 0;
  const behind: string[] = [];
  const decoded: LumaFrame[][] = [];
  console.log('video            slides  detector P    R    F1       scene>0.3 P  R    F1');
  for (const spec of corpus) {
    const { path, truth } = ensureVideo(spec);
    const run = await detectVideoSlides(path);
    const frameList: LumaFrame[] = [];
    const size = { fps: slideDefaults.sampleFps, width: slideDefaults.width, height: slideDefaults.height };
    for await (const frame of decodeLuma(path, size)) frameList.push(frame);
    decoded.push(frameList);
    frames += run.frames;
    cpuMicros += run.detectorCpuMicros;
    const base = sceneBaseline(path, truth.duration);
    const d = score(run.captures, truth);
    const b = score(base, truth);
    ours.push(d);
    theirs.push(b);
    if (d.f1 <= b.f1) behind.push(spec.name);
    console.log(row(spec.name, d, b));
    if (verbose) {
      console.log(`  ${spec.about}`);
      console.log(`  detector: ${run.captures.map((t) => t.toFixed(1)).join(' ')}`);
      console.log(`  baseline: ${base.map((t) => t.toFixed(1)).join(' ')}`);
    }
  }
  const d = pooled(ours);
  const b = pooled(theirs);
  console.log(row('overall', d, b));
  const inLoop = cpuMicros / 1000 / frames;
  const replay = replayCpu(decoded);
  const msPerFrame = Math.max(inLoop, replay.detector);
  console.log(
    `\ndetector CPU per sampled ${slideDefaults.width}x${slideDefaults.height} frame (limit ${TARGET_CPU_MS} ms), ${frames} frames:`,
  );
  console.log(`  measured around each push while decoding: ${inLoop.toFixed(3)} ms`);
  console.log(`  replaying decoded frames in a tight loop: ${replay.detector.toFixed(3)} ms`);
  console.log(`  same run, a bare copy + sum of each frame: ${replay.bare.toFixed(3)} ms`);
  console.log(
    `overall F1 ${d.f1.toFixed(3)} (target ${TARGET_F1}); baseline ${b.f1.toFixed(3)} in the same run`,
  );
  console.log(
    `videos where the detector is not ahead of the baseline: ${behind.length ? behind.join(', ') : 'none'}`,
  );
  console.log(`bench time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const pass = d.f1 >= TARGET_F1 && behind.length === 0 && msPerFrame <= TARGET_CPU_MS;
  console.log(pass ? 'PASS' : 'FAIL');
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
