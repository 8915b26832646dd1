// The library's export as a user gets it: the zip that "Download zip" makes, and the post
// built by the real `hugo`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { requireTool } from '../unit/export/helpers';
import type { TestPage } from './browsers';

/** Clicks "Download zip" in the export dialog and returns the zip's bytes. */
export async function downloadZip(page: TestPage): Promise<Uint8Array> {
  await page.evaluate(() => {
    const w = window as { zipped?: Promise<number[]> };
    w.zipped = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href)
          .then((r) => r.arrayBuffer())
          .then((b) => resolve([...new Uint8Array(b)]));
      };
    });
  }, null);
  await page.click('button.export-zip');
  return new Uint8Array(
    (await page.evaluate(() => (window as { zipped?: Promise<number[]> }).zipped, null)) ?? [],
  );
}

export function buildWithHugo(files: Record<string, Uint8Array>): { html: string; markdown: string } {
  requireTool('hugo', 'version');
  const site = mkdtempSync(join(tmpdir(), 'talkmark-e2e-hugo-'));
  try {
    const write = (path: string, data: string | Uint8Array) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), data);
    };
    write(
      'config.toml',
      'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n',
    );
    write('layouts/_default/single.html', '<article>{{ .Content }}</article>\n');
    write('layouts/_default/list.html', '{{ range .Pages }}{{ .Title }}{{ end }}\n');
    let markdown = '';
    let slug = '';
    for (const [path, bytes] of Object.entries(files)) {
      write(`content/post/${path}`, bytes);
      if (path.endsWith('/index.md')) {
        markdown = new TextDecoder().decode(bytes);
        slug = path.slice(0, -'/index.md'.length);
      }
    }
    const run = spawnSync('hugo', ['--quiet', '-s', site], { encoding: 'utf8', timeout: 50_000 });
    if (run.status !== 0) throw new Error(`hugo failed: ${run.stderr}`);
    return { html: readFileSync(join(site, `public/post/${slug}/index.html`), 'utf8'), markdown };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}
