// The baseline the detector must beat: ffmpeg's scene-change score (select='gt(scene,0.3)'), with
// a capture one second after each change. The start of the video counts as a change, so the
// baseline also gets the first slide.
import { spawnSync } from 'node:child_process';

export function sceneBaseline(video: string, duration: number): number[] {
  const run = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-i', video, '-vf', "select='gt(scene,0.3)',showinfo", '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  if (run.error || run.status !== 0) throw new Error(`ffmpeg scene filter failed on ${video}`);
  const changes = [...run.stderr.matchAll(/pts_time:([0-9.]+)/g)].map((m) => Number(m[1]));
  return [0, ...changes].map((t) => t + 1).filter((t) => t < duration);
}
