// ffmpeg as the CLI's frame source: decodes a video into the same downscaled luma frames the
// extension samples in the page, and grabs full-resolution stills for `--out`.
import { spawn } from 'node:child_process';
import type { LumaFrame } from '../core/slides/index';

export class FfmpegError extends Error {}

// Resolved on PATH at each spawn, so a missing ffmpeg is reported per call, not at import.
const FFMPEG = 'ffmpeg';

function notFound(error: NodeJS.ErrnoException): FfmpegError {
  return error.code === 'ENOENT'
    ? new FfmpegError(`ffmpeg not found on PATH (install ffmpeg, e.g. "apt-get install ffmpeg")`)
    : new FfmpegError(`could not start ffmpeg: ${error.message}`);
}

/** The last meaningful line ffmpeg printed, for error messages. */
function lastLine(stderr: string): string {
  const lines = stderr.trim().split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? 'unknown error';
}

export interface DecodeOptions {
  fps: number;
  width: number;
  height: number;
}

/**
 * Frames of `video` at `fps`, scaled to width x height, as 8-bit luma. Frame i is at i / fps
 * seconds (the fps filter picks the frame nearest each tick). Throws FfmpegError when ffmpeg is
 * missing, can't read the file, or the file has no video.
 */
export async function* decodeLuma(video: string, o: DecodeOptions): AsyncGenerator<LumaFrame> {
  const args = ['-v', 'error', '-nostdin', '-i', video, '-map', '0:v:0', '-an', '-sn'];
  args.push('-vf', `fps=${o.fps},scale=${o.width}:${o.height}:flags=area,format=gray`, '-f', 'rawvideo', '-');
  const child = spawn(FFMPEG, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  let spawnError: FfmpegError | null = null;
  const exited = new Promise<number>((resolve) => {
    child.on('error', (e) => {
      spawnError = notFound(e);
      resolve(-1);
    });
    child.on('close', (code) => resolve(code ?? -1));
  });
  const size = o.width * o.height;
  let pending = new Uint8Array(0);
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending);
      joined.set(chunk, pending.length);
      let at = 0;
      for (; at + size <= joined.length; at += size) {
        yield { t: index / o.fps, width: o.width, height: o.height, data: joined.slice(at, at + size) };
        index++;
      }
      pending = joined.slice(at);
    }
  } finally {
    // Stopping early (an exception in the consumer) must not leave ffmpeg running.
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (spawnError) throw spawnError;
  if (code !== 0) throw new FfmpegError(`ffmpeg could not decode ${video}: ${lastLine(stderr)}`);
  if (index === 0) throw new FfmpegError(`no video frames in ${video}`);
}

/** Writes the frame at `t` seconds, at the video's own resolution, as a JPEG. */
export function extractStill(video: string, t: number, out: string): Promise<void> {
  const args = ['-v', 'error', '-nostdin', '-y', '-ss', t.toFixed(3), '-i', video];
  args.push('-frames:v', '1', '-q:v', '2', out);
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.on('error', (e) => reject(notFound(e)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new FfmpegError(`ffmpeg could not write ${out}: ${lastLine(stderr)}`)),
    );
  });
}
