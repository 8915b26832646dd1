#!/usr/bin/env node
// Renders the Talkmark icon PNGs (16, 32, 48, 128 px, transparent background) from the SVG sources
// with headless Chromium: a throw-away page draws each SVG into a canvas at the target size and
// writes the PNG data URLs into its DOM, which `--dump-dom` prints. Node built-ins only.
//
//   node icons/render.mjs            # writes icons/icon-{16,32,48,128}.png
//   CHROMIUM=/path/to/chrome node icons/render.mjs
//
// 16 px uses the simplified talkmark-16.svg; larger sizes use talkmark.svg.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sources = { 16: 'talkmark-16.svg', 32: 'talkmark.svg', 48: 'talkmark.svg', 128: 'talkmark.svg' };

const chromium =
  process.env.CHROMIUM ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chromium) {
  console.error('icons/render.mjs: Chromium not found (apt-get install chromium, or set CHROMIUM=/path).');
  process.exit(1);
}

const jobs = Object.entries(sources).map(([size, file]) => ({
  size: Number(size),
  svg: `data:image/svg+xml;base64,${readFileSync(join(here, file)).toString('base64')}`,
}));

const page = `<!doctype html><meta charset="utf-8"><body><pre id="out"></pre><script>
const jobs = ${JSON.stringify(jobs)};
Promise.all(jobs.map((job) => new Promise((resolve, reject) => {
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = job.size;
    canvas.getContext('2d').drawImage(img, 0, 0, job.size, job.size);
    resolve(job.size + ' ' + canvas.toDataURL('image/png'));
  };
  img.onerror = () => reject(new Error('cannot load SVG for ' + job.size));
  img.src = job.svg;
}))).then((lines) => { document.getElementById('out').textContent = 'OK\\n' + lines.join('\\n'); },
  (e) => { document.getElementById('out').textContent = 'ERROR ' + e.message; });
</script>`;

const dir = mkdtempSync(join(tmpdir(), 'talkmark-icons-'));
try {
  const html = join(dir, 'render.html');
  writeFileSync(html, page);
  const dom = execFileSync(
    chromium,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--virtual-time-budget=5000',
      '--dump-dom',
      `file://${html}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const out = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? '';
  if (!out.startsWith('OK')) throw new Error(`render page failed: ${out || 'no output'}`);
  for (const line of out.split('\n').slice(1)) {
    const [size, url] = line.split(' ');
    const png = Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64');
    const file = join(here, `icon-${size}.png`);
    writeFileSync(file, png);
    console.log(`wrote ${file} (${png.length} bytes)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
