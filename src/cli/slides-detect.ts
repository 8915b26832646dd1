// Runs the page's slide detector over a video file: the same defaults, rate and frame size.
// Shared by `talkmark slides` and the benchmark (which also wants the detector's CPU time).
import {
  createSlideDetector,
  type DetectorOptions,
  type SlideEvent,
  slideDefaults,
} from '../core/slides/index';
import { decodeLuma } from './slides-ffmpeg';

export interface VideoSlides {
  /** Capture times in seconds, build steps already replaced by their final state. */
  captures: number[];
  frames: number;
  /** CPU time spent inside the detector alone (user + system), in microseconds. */
  detectorCpuMicros: number;
}

export async function detectVideoSlides(
  video: string,
  partial: Partial<DetectorOptions> = {},
): Promise<VideoSlides> {
  const options = { ...slideDefaults, ...partial };
  const detector = createSlideDetector(options);
  const captures: number[] = [];
  let frames = 0;
  let cpu = 0;
  const frameSource = decodeLuma(video, {
    fps: options.sampleFps,
    width: options.width,
    height: options.height,
  });
  for await (const frame of frameSource) {
    frames++;
    const before = process.cpuUsage();
    const event = detector.push(frame);
    const used = process.cpuUsage(before);
    cpu += used.user + used.system;
    if (event) keepCapture(captures, event);
  }
  return { captures, frames, detectorCpuMicros: cpu };
}

/** Adds an event's time to the capture list, or puts it in place of the build step it completes. */
export function keepCapture(captures: number[], event: SlideEvent): void {
  const replaced = event.replaces === undefined ? -1 : captures.indexOf(event.replaces);
  if (replaced >= 0) captures.splice(replaced, 1, event.t);
  else captures.push(event.t);
}
