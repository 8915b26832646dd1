// `HALF=tuning|held-out npx tsx bench/slides/half.ts`: the detector alone on one half of the
// bench's corpus (rendered by bench:slides, cached), pooled precision and recall and the videos
// it got wrong with their capture times: a quick loop while tuning on the tuning half.
import { keepCapture } from '../../src/cli/slides-detect';
import { decodeLuma } from '../../src/cli/slides-ffmpeg';
import { createSlideDetector, slideDefaults } from '../../src/core/slides/index';
import { ensureAssembled } from './assemble';
import { corpus } from './corpus';
import { ensureVideo } from './generate';
import { realCorpus } from './real-corpus';
import { pooled, score } from './score';

const half = process.env.HALF ?? 'tuning';
const halves = await realCorpus();
const vids = [
  ...(half === 'tuning' ? corpus.map((s) => ({ name: s.name, ...ensureVideo(s) })) : []),
  ...halves
    .filter((h) => h.name === half)
    .flatMap((h) => h.specs.map((s) => ({ name: s.name, ...ensureAssembled(s) }))),
];
const scores = [];
for (const v of vids) {
  const det = createSlideDetector();
  const caps: number[] = [];
  const size = { fps: slideDefaults.sampleFps, width: slideDefaults.width, height: slideDefaults.height };
  for await (const f of decodeLuma(v.path, size)) {
    const e = det.push(f);
    if (e) keepCapture(caps, e);
  }
  const s = score(caps, v.truth);
  scores.push(s);
  if (s.precision < 1 || s.recall < 1)
    console.log(v.name, s.precision.toFixed(2), s.recall.toFixed(2), caps.join(' '));
}
const p = pooled(scores);
console.log(half, 'P', p.precision.toFixed(3), 'R', p.recall.toFixed(3), 'F1', p.f1.toFixed(3));
