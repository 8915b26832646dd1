// `talkmark slides` on a small talk rendered with ffmpeg during the test: three slides, a camera
// shot and a return to the first slide, checked against the timeline the video was built from.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSlides } from '../../../src/cli/slides';

const CACHE = resolve(import.meta.dirname, '../../.cache/slides-cli');
const VIDEO = join(CACHE, 'talk.mp4');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** [start, end) of each slide; the camera shot is 10-16 and the first slide returns at 21-25. */
const slides: Array<[string, number, number]> = [
  ['Alpha slide', 0, 5],
  ['Bravo slide', 5, 10],
  ['Charlie slide', 16, 21],
];

function render(): void {
  const text = (label: string, enable: string) =>
    `drawtext=fontfile=${FONT}:text='${label}':fontsize=26:fontcolor=0x202020:x=24:y=30:enable='${enable}',` +
    `drawtext=fontfile=${FONT}:text='${label} body text':fontsize=16:fontcolor=0x404040:x=30:y=90:enable='${enable}'`;
  const graph = [
    `color=c=0xf4f4f2:s=320x180:r=10:d=25,${text('Alpha slide', 'lt(t,5)+gte(t,21)')},${text('Bravo slide', 'gte(t,5)*lt(t,10)')},${text('Charlie slide', 'gte(t,16)*lt(t,21)')}[deck]`,
    'gradients=s=320x180:r=10:d=25:speed=0.02:nb_colors=3:c0=0x5a4a3a:c1=0x9a8a7a:c2=0x3a4a5a[wall]',
    'color=c=0x3a3f55:s=70x110:r=10:d=25[body]',
    "[wall][body]overlay=x='120+40*sin(t*1.3)':y=70,noise=alls=12:allf=t[cam]",
    "[deck][cam]overlay=enable='gte(t,10)*lt(t,16)',format=yuv420p[out]",
  ].join(';');
  mkdirSync(CACHE, { recursive: true });
  const args = [
    '-v',
    'error',
    '-y',
    '-filter_complex',
    graph,
    '-map',
    '[out]',
    '-c:v',
    'libx264',
    '-crf',
    '26',
    VIDEO,
  ];
  const result = spawnSync('ffmpeg', args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(`these tests need ffmpeg on PATH (apt-get install ffmpeg): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`ffmpeg could not render the test video: ${result.stderr}`);
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runSlides(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('talkmark slides', () => {
  beforeAll(render, 60_000);
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('prints exactly one JSON line with one capture per slide, none for the camera or the return', async () => {
    const { code, stdout, stderr } = await cli([VIDEO]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\{"captures":\[(\{"t":\d+(\.\d+)?\},?)*\]\}\n$/);
    const times = (JSON.parse(stdout) as { captures: Array<{ t: number }> }).captures.map((c) => c.t);
    expect(times).toHaveLength(slides.length);
    slides.forEach(([, start, end], i) => {
      // At least the settle time after the slide appeared, and before it left.
      expect(times[i]).toBeGreaterThanOrEqual(start + 1);
      expect(times[i]).toBeLessThan(end);
    });
  }, 60_000);

  it('writes the slides at full resolution with --out', async () => {
    const out = join(CACHE, 'out');
    rmSync(out, { recursive: true, force: true });
    const { code, stdout } = await cli([VIDEO, '--out', out]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).captures).toHaveLength(3);
    for (const name of ['slide-001.jpg', 'slide-002.jpg', 'slide-003.jpg']) {
      const bytes = readFileSync(join(out, name));
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
      const probe = spawnSync(
        'ffprobe',
        ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', join(out, name)],
        {
          encoding: 'utf8',
        },
      );
      expect(probe.stdout.trim()).toBe('320,180');
    }
  }, 60_000);

  it('fails clearly on a missing file', async () => {
    const { code, stdout, stderr } = await cli([join(CACHE, 'nope.mp4')]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no such file: .*nope\.mp4/);
  });

  it('fails clearly on a file that is not a video', async () => {
    const notVideo = join(CACHE, 'notes.mp4');
    writeFileSync(notVideo, 'these are notes, not a video\n');
    const { code, stdout, stderr } = await cli([notVideo]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/ffmpeg could not decode .*notes\.mp4/);
  });

  it('fails clearly when ffmpeg is not on PATH', async () => {
    process.env.PATH = join(CACHE, 'empty-bin');
    const { code, stdout, stderr } = await cli([VIDEO]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/ffmpeg not found on PATH/);
  });

  it('lists every option and the units --crop takes in --help, with nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    for (const option of ['--out DIR', '--sensitivity', '--crop x,y,width,height', '--help'])
      expect(stderr).toContain(option);
    expect(stderr).toMatch(/fractions of the frame from 0 to 1/);
  });

  it('rejects bad arguments with the usage', async () => {
    expect((await cli([])).code).toBe(2);
    const bad = await cli([VIDEO, '--sensitivity', '7']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--sensitivity must be a number from 0 to 1/);
    expect((await cli([VIDEO, '--crop', '0,0,2,1'])).stderr).toMatch(/--crop must be four fractions/);
  });
});
