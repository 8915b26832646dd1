// axe-core over the popup, the library's views (posts, post editor, export dialog, backup,
// settings) and the video page's panel, in Chromium and Firefox: no serious or critical
// violation. axe runs in the page through a function built from its source, so no eval is
// needed under the extension pages' CSP. Only the light theme is checked here: neither
// driver wrapper can switch prefers-color-scheme (the dark colours are the same pairs of
// custom properties, chosen for ≥4.5:1 contrast; see src/ui/theme.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreFile, sampleBackup, sampleIds } from '../unit/library/sample-backup';
import type { TestPage } from './browsers';
import { browsers, fixtureVideo, useBrowser } from './scenario';

const root = path.resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

const runAxe = new Function(
  'selector',
  `${axeSource}
  ;return axe.run(selector ? document.querySelector(selector) : document, { resultTypes: ['violations'] }).then((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) })));`,
) as (selector: string | null) => Promise<Finding[]>;

async function check(page: TestPage, where: string, selector: string | null = null): Promise<void> {
  const found = await page.evaluate(runAxe, selector);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

const visit = (page: TestPage, hash: string, ready: string) =>
  page
    .evaluate((h) => {
      location.hash = h;
    }, hash)
    .then(() => page.waitFor((s) => document.querySelector(s), ready));

describe.each(browsers)('accessibility in %s', (name) => {
  const env = useBrowser(name);

  it('finds no serious or critical violation in the library, the popup and the panel', async () => {
    const video = await fixtureVideo('sample-talk');
    const pageUrl = `${env.server.origin}/pages/generic.html?src=${video}`;
    const page = await env.browser.newPage();
    await page.goto(env.browser.extensionUrl('library.html#backup'));
    await restoreFile(page, sampleBackup(path.join(root, 'test/.cache/videos', video), pageUrl));
    await page.waitFor(() => document.querySelector('.restore-result.ok'), null);
    await check(page, 'backup');
    await visit(page, '#posts', '.post-row');
    await check(page, 'posts');
    await visit(page, `#post/${sampleIds.post}`, '.note .note-view');
    await check(page, 'post editor');
    await visit(page, `#post/${sampleIds.post}/export`, 'dialog[open] iframe.preview');
    await check(page, 'export dialog');
    await visit(page, '#settings', 'select[name="captureFormat"]');
    await check(page, 'settings');
    await visit(page, '#search/caching', '.note-hit');
    await check(page, 'search');

    const popup = await env.browser.newPage();
    await popup.goto(env.browser.extensionUrl('popup.html'));
    await popup.waitFor(() => document.documentElement.dataset.painted, null);
    await check(popup, 'popup');

    const video_ = await env.browser.newPage();
    await video_.goto(pageUrl);
    await video_.waitFor(
      () =>
        (document.querySelector('talkmark-panel')?.shadowRoot?.querySelector('.talk-title')?.textContent ??
          '') !== '',
      null,
      20000,
    );
    await check(video_, 'panel', 'talkmark-panel');
    await Promise.all([page.close(), popup.close(), video_.close()]);
  });
});
