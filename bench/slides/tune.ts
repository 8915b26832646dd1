// `npx tsx bench/slides/tune.ts [--verbose] [NAME...]`: the detector on the tuning half only
// (never the held-out half), from decoded frames cached on disk, for quick tuning rounds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { keepCapture } from '../../src/cli/slides-detect';
import { decodeLuma } from '../../src/cli/slides-ffmpeg';
import { createSlideDetector, type LumaFrame, slideDefaults } from '../../src/core/slides/index';
import { ensureAssembled } from './assemble';
import { corpus } from './corpus';
import { CACHE, ensureVideo } from './generate';
import { realCorpus } from './real-corpus';
import { pooled, score } from './score';

const { width, height, sampleFps: fps } = slideDefaults;
const verbose = process.argv.includes('--verbose');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

async function frames(path: string): Promise<LumaFrame[]> {
  const file = join(CACHE, `${basename(path)}.${width}x${height}.gray`);
  if (!existsSync(file)) {
    const all: Uint8Array[] = [];
    for await (const f of decodeLuma(path, { fps, width, height })) all.push(f.data);
    writeFileSync(file, Buffer.concat(all));
  }
  const raw = readFileSync(file);
  const size = width * height;
  return Array.from({ length: raw.length / size }, (_, i) => ({
    t: i / fps,
    width,
    height,
    data: new Uint8Array(raw.subarray(i * size, (i + 1) * size)),
  }));
}

const tuning = (await realCorpus()).find((h) => h.name === 'tuning');
const videos = [
  ...corpus.map((s) => ({ name: s.name, ...ensureVideo(s) })),
  ...(tuning?.specs ?? []).map((s) => ({ name: s.name, ...ensureAssembled(s) })),
].filter((v) => !only.length || only.some((o) => v.name.includes(o)));
const scores = [];
for (const v of videos) {
  const detector = createSlideDetector();
  const captures: number[] = [];
  for (const f of await frames(v.path)) {
    const e = detector.push(f);
    if (e) keepCapture(captures, e);
  }
  const s = score(captures, v.truth);
  scores.push(s);
  console.log(`${v.name.padEnd(30)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)}`);
  if (verbose && s.f1 < 1) {
    console.log(`    detector: ${captures.map((t) => t.toFixed(1)).join(' ')}`);
    console.log(
      `    truth: ${v.truth.intervals
        .filter((iv) => iv.label)
        .map(
          (iv) =>
            `${iv.label?.replace(/^.*:/, '')}${iv.final ? '' : '*'}@${iv.start.toFixed(1)}-${iv.end.toFixed(1)}`,
        )
        .join(' ')}`,
    );
  }
}
const p = pooled(scores);
console.log(`tuning: P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} F1 ${p.f1.toFixed(3)}`);
