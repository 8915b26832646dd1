// `talkmark slides VIDEO [--out DIR] [--sensitivity 0..1] [--crop x,y,w,h]`: the extension's slide
// detector over a video file. Prints exactly {"captures":[{"t":SECONDS},...]} on stdout (scripts
// parse it); everything else goes to stderr.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CropRect, type DetectorOptions, slideDefaults } from '../core/slides/index';
import { detectVideoSlides } from './slides-detect';
import { extractStill, FfmpegError } from './slides-ffmpeg';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `usage: talkmark slides VIDEO [--out DIR] [--sensitivity 0..1] [--crop x,y,width,height]
  Finds each slide of a recorded talk once, when it has settled, with the extension's own
  detector (frames decoded by ffmpeg), and prints {"captures":[{"t":SECONDS},...]} on stdout
  (t = seconds from the start of the video); messages go to stderr.

options:
  --out DIR              also write slide-001.jpg, slide-002.jpg, ... at the video's full
                         resolution into DIR (created if missing)
  --sensitivity S        a number from 0 to 1 (default ${slideDefaults.sensitivity}): higher catches smaller
                         changes (one digit) at the risk of capturing noise
  --crop x,y,width,height
                         only look at this rectangle (picture-in-picture: the slide area);
                         four fractions of the frame from 0 to 1, x and y from its top-left
                         corner, e.g. 0,0,0.75,1 for the left three quarters
  -h, --help             show this help`;

interface Args {
  video: string;
  out: string | null;
  options: Partial<DetectorOptions>;
}

function parseCrop(text: string): CropRect | null {
  const parts = text.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 0 || n > 1)) return null;
  const [x = 0, y = 0, width = 0, height = 0] = parts;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

function parseArgs(args: string[]): Args | string {
  let video: string | null = null;
  let out: string | null = null;
  const options: Partial<DetectorOptions> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = args[i + 1];
    if (arg === '--out' || arg === '--sensitivity' || arg === '--crop') {
      if (value === undefined) return `${arg} needs a value`;
      i++;
      if (arg === '--out') out = value;
      else if (arg === '--sensitivity') {
        const s = Number(value);
        if (!Number.isFinite(s) || s < 0 || s > 1)
          return `--sensitivity must be a number from 0 to 1, got "${value}"`;
        options.sensitivity = s;
      } else {
        const crop = parseCrop(value);
        if (!crop) return `--crop must be four fractions x,y,width,height (e.g. 0,0,0.75,1), got "${value}"`;
        options.crop = crop;
      }
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (video === null) video = arg;
    else return `unexpected argument ${arg}`;
  }
  return video === null ? 'missing VIDEO' : { video, out, options };
}

export async function runSlides(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stderr(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`talkmark slides: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const { video, out, options } = parsed;
  if (!existsSync(video) || !statSync(video).isFile()) {
    io.stderr(`talkmark slides: no such file: ${video}\n`);
    return 1;
  }
  try {
    const { captures } = await detectVideoSlides(video, options);
    if (out !== null) {
      mkdirSync(out, { recursive: true });
      for (const [i, t] of captures.entries()) {
        await extractStill(video, t, join(out, `slide-${String(i + 1).padStart(3, '0')}.jpg`));
      }
    }
    io.stdout(`${JSON.stringify({ captures: captures.map((t) => ({ t })) })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof FfmpegError) {
      io.stderr(`talkmark slides: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
