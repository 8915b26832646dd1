// The slide bench's figures for BENCHMARKS.md: both halves' strict recall, precision and F1 with
// ffmpeg's scene filter as the same-run reference, per-video F1 and fidelity in the notes, and the
// detector's CPU per sampled frame.
import { slideDefaults } from '../../src/core/slides/index';
import { count, type startBench } from '../results';
import type { Result } from './run';
import type { Score } from './score';

interface Half {
  d: Score;
  b: Score;
  behind: string[];
}

export interface Measured {
  results: Result[];
  tuning: Half;
  heldOut: Half;
  inLoop: number;
  replays: Array<{ detector: number; bare: number }>;
  frames: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

export function recordFigures(bench: ReturnType<typeof startBench>, m: Measured): void {
  const held = m.results.filter((r) => r.half === 'held-out');
  const perVideo = (half: string) =>
    m.results
      .filter((r) => r.half === half)
      .map(
        (r) =>
          `${r.name} ${r.d.f1.toFixed(2)} (ffmpeg ${r.b.f1.toFixed(2)}${r.fidelity.length ? `, fidelity ${mean(r.fidelity).toFixed(1)}` : ''})`,
      )
      .join(', ');
  const fix = `run \`npm run bench:slides -- --verbose\` and fix the failing class on the tuning half only`;
  const ref = (values: number[]) => ({ name: "ffmpeg's scene filter (score > 0.3)", values });
  bench.add({
    id: 'heldout-recall',
    name: `held-out decks: strict recall over ${held.length} videos`,
    unit: '',
    values: [m.heldOut.d.recall],
    over: 'one run (deterministic)',
    reference: ref([m.heldOut.b.recall]),
    budget: 'detector-heldout-recall',
    fix: () => fix,
    note: `Per video F1: ${perVideo('held-out')}.`,
  });
  bench.add({
    id: 'heldout-precision',
    name: 'held-out decks: strict precision',
    unit: '',
    values: [m.heldOut.d.precision],
    over: 'one run (deterministic)',
    reference: ref([m.heldOut.b.precision]),
    budget: 'detector-heldout-precision',
    fix: () => fix,
  });
  bench.add({
    id: 'heldout-f1',
    name: 'held-out decks: F1',
    unit: '',
    values: [m.heldOut.d.f1],
    over: 'one run (deterministic)',
    reference: ref([m.heldOut.b.f1]),
  });
  bench.add({
    id: 'f1',
    name: `tuning half: F1 over ${m.results.length - held.length} videos (P ${m.tuning.d.precision.toFixed(2)}, R ${m.tuning.d.recall.toFixed(2)})`,
    unit: '',
    values: [m.tuning.d.f1],
    over: 'one run (deterministic)',
    reference: ref([m.tuning.b.f1]),
    budget: 'detector-f1',
    fix: () => fix,
    note: `Per video F1: ${perVideo('tuning')}.`,
  });
  const cpuFix = (f: { value: number }) =>
    `The detector costs ${f.value.toFixed(2)} ms per ${slideDefaults.width}x${slideDefaults.height} frame: do less per frame, or judge the larger picture less often.`;
  bench.add({
    id: 'cpu-replay',
    name: `detector CPU per sampled ${slideDefaults.width}x${slideDefaults.height} frame (tight loop, ${m.frames} frames)`,
    unit: 'ms',
    values: m.replays.map((r) => r.detector),
    over: count(m.replays.length, 'replay'),
    reference: { name: 'a bare copy + sum of each frame', values: m.replays.map((r) => r.bare) },
    paired: true,
    budget: 'detector-cpu',
    fix: cpuFix,
  });
  bench.add({
    id: 'cpu-decoding',
    name: 'detector CPU per sampled frame, one pass measured around the pushes',
    unit: 'ms',
    values: [m.inLoop],
    over: 'one pass over the corpus',
    budget: 'detector-cpu',
    fix: cpuFix,
  });
  if (m.heldOut.behind.length)
    bench.notes.push(
      `Held-out videos where the detector is not ahead of ffmpeg: ${m.heldOut.behind.join(', ')}.`,
    );
  if (m.tuning.behind.length)
    bench.notes.push(
      `Tuning videos where the detector is not ahead of ffmpeg: ${m.tuning.behind.join(', ')}.`,
    );
}
