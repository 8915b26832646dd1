// `npx tsx bench/slides/trace.ts VIDEO [FROM TO]`: the detector's reasons, frame by frame, on one
// video of the bench's cache (for tuning on the tuning half).
import { decodeLuma } from '../../src/cli/slides-ffmpeg';
import { createSlideDetector, slideDefaults } from '../../src/core/slides/index';

const [video = '', from = '0', to = '1e9'] = process.argv.slice(2);
const detector = createSlideDetector({}, (t, m) => {
  if (t >= Number(from) && t <= Number(to)) console.log(t.toFixed(1), m);
});
const size = { fps: slideDefaults.sampleFps, width: slideDefaults.width, height: slideDefaults.height };
for await (const frame of decodeLuma(video, size)) {
  const e = detector.push(frame);
  if (e) console.log(e.t.toFixed(1), `CAPTURE${e.replaces !== undefined ? ` replaces ${e.replaces}` : ''}`);
}
