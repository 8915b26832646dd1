// What ships, checked where the e2e tests can't look: they run the test build, whose panel
// shadow root is open and whose manifest has test-only grants (see build.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;
const securityDoc = readFileSync(path.join(root, 'docs/security.md'), 'utf8');

/** The content script as build.mjs bundles it, with __TEST__ set as given. */
async function contentScript(test: boolean): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'src/content/index.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    // Folds `__TEST__ ? 'open' : 'closed'` as the production build does.
    minifySyntax: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
    define: { __BROWSER__: '"chrome"', __TEST__: String(test), 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0]?.text ?? '';
}

describe('the shipped build', () => {
  it("closes the panel's shadow roots (the test build alone opens them)", async () => {
    const shipped = await contentScript(false);
    const test = await contentScript(true);
    const modes = (code: string) =>
      [...code.matchAll(/attachShadow\(\{\s*mode:\s*"(\w+)"/g)].map((m) => m[1]);
    // The panel and any other in-page UI (e.g. the crop overlay): every one closed.
    expect(modes(shipped).length).toBeGreaterThan(0);
    expect(new Set(modes(shipped))).toEqual(new Set(['closed']));
    expect(new Set(modes(test))).toEqual(new Set(['open']));
  }, 30_000);

  it('asks for no permission docs/security.md does not justify', () => {
    const asked = [
      ...(manifest.permissions as string[]),
      ...((manifest.optional_permissions as string[] | undefined) ?? []),
    ];
    for (const permission of asked) expect(securityDoc, permission).toContain(`| \`${permission}\``);
    // Hosts asked for at run time, one site at a time, are justified too.
    if (manifest.optional_host_permissions) expect(securityDoc).toContain('| `optional_host_permissions`');
    expect(asked).not.toContain('<all_urls>');
    expect(asked).not.toContain('tabs');
  });

  it('lets no web page reach in: no external messaging, no web-accessible files, only YouTube hosts', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    for (const host of manifest.host_permissions as string[])
      expect(host).toMatch(/^\*:\/\/(www|m)\.youtube(-nocookie)?\.com\//);
  });

  it("keeps extension pages to their own code: no remote script, no network but the extension's own", () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find(([n]) => n === name)
        ?.slice(1);
    // Our own scripts, and compiling our own packaged wasm (slide OCR): nothing else.
    expect(directive('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(securityDoc).toContain("`'wasm-unsafe-eval'`");
    expect(directive('connect-src')?.every((s) => ["'self'", 'blob:', 'data:'].includes(s))).toBe(true);
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'|'unsafe-inline'/);
  });
});
