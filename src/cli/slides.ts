// `talkmark slides VIDEO [--out DIR] [--sensitivity 0..1] [--crop x,y,w,h] [--ocr]`: the
// extension's slide detector over a video file. Prints exactly {"captures":[{"t":SECONDS},...]}
// on stdout (scripts parse it), with --ocr each capture's "title" and "text" (its lines) as
// the extension reads them (core/ocr); everything else goes to stderr.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CropRect, type DetectorOptions, slideDefaults } from '../core/slides/index';
import { detectVideoSlides } from './slides-detect';
import { extractStill, FfmpegError } from './slides-ffmpeg';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `usage: talkmark slides VIDEO [--out DIR] [--sensitivity 0..1] [--crop x,y,width,height] [--ocr]
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
  ocr: boolean;
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
  let ocr = false;
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
    } else if (arg === '--ocr') ocr = true;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (video === null) video = arg;
    else return `unexpected argument ${arg}`;
  }
  return video === null ? 'missing VIDEO' : { video, out, ocr, options };
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
  const { video, out, ocr, options } = parsed;
  if (!existsSync(video) || !statSync(video).isFile()) {
    io.stderr(`talkmark slides: no such file: ${video}\n`);
    return 1;
  }
  try {
    const { captures } = await detectVideoSlides(video, options);
    const stills = out ?? (ocr ? mkdtempSync(join(tmpdir(), 'talkmark-ocr-')) : null);
    const files: string[] = [];
    if (stills !== null) {
      mkdirSync(stills, { recursive: true });
      for (const [i, t] of captures.entries()) {
        const file = join(stills, `slide-${String(i + 1).padStart(3, '0')}.jpg`);
        await extractStill(video, t, file);
        files.push(file);
      }
    }
    try {
      const results = ocr ? await readSlides(files, io) : captures.map((t) => ({ t }));
      io.stdout(`${JSON.stringify({ captures: results.map((r, i) => ({ t: captures[i], ...r })) })}\n`);
    } finally {
      if (out === null && stills !== null) rmSync(stills, { recursive: true, force: true });
    }
    return 0;
  } catch (error) {
    if (error instanceof FfmpegError) {
      io.stderr(`talkmark slides: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Each still's title and lines, read one after the other with one engine. */
async function readSlides(files: string[], io: CliIo): Promise<Array<{ title: string; text: string[] }>> {
  const { openNodeOcr } = await import('./ocr-node');
  const engine = await openNodeOcr();
  try {
    const out: Array<{ title: string; text: string[] }> = [];
    for (const [i, file] of files.entries()) {
      io.stderr(`reading slide ${i + 1} of ${files.length}\n`);
      const read = await engine.read(file);
      out.push({ title: read.title, text: read.lines });
    }
    return out;
  } finally {
    await engine.close();
  }
}
