// scripts/audit.mjs, the dependency check `npm test` runs: how it reads npm audit's answer (a
// report, or the error a registry without the advisory endpoint gives) and how it checks that
// what ships is exactly the reviewed list.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShipped, readAudit, reviewed } from '../../../scripts/audit.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const lock = () => JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

function report(vulnerabilities: Record<string, { name: string; severity: string; range?: string }>) {
  const counts: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const v of Object.values(vulnerabilities)) counts[v.severity] = (counts[v.severity] ?? 0) + 1;
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
}

describe('reading npm audit', () => {
  it('a clean report passes; a moderate finding does not fail it', () => {
    expect(readAudit(report({}))).toMatchObject({ ran: true, serious: [] });
    expect(readAudit(report({ idb: { name: 'idb', severity: 'moderate' } }))).toMatchObject({
      ran: true,
      serious: [],
    });
  });

  it('a high or critical finding is listed', () => {
    const r = readAudit(
      report({
        preact: { name: 'preact', severity: 'high', range: '<10.30.0' },
        fflate: { name: 'fflate', severity: 'critical' },
        idb: { name: 'idb', severity: 'low' },
      }),
    );
    expect(r).toEqual(
      expect.objectContaining({ ran: true, serious: ['high: preact <10.30.0', 'critical: fflate'] }),
    );
  });

  it('the error a registry without the advisory endpoint answers is "could not run", never a pass', () => {
    const answer = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(readAudit(answer)).toEqual({ ran: false, why: expect.stringContaining('405 Method Not Allowed') });
    expect(readAudit('')).toMatchObject({ ran: false });
    expect(readAudit('npm error network ETIMEDOUT')).toMatchObject({ ran: false });
  });
});

describe('what ships', () => {
  it('is the reviewed list today', () => {
    expect(Object.keys(reviewed).sort()).toEqual([
      '@tesseract.js-data/eng',
      'fflate',
      'idb',
      'preact',
      'tesseract.js',
      'tesseract.js-core',
      'webextension-polyfill',
    ]);
    expect(checkShipped(lock())).toEqual([]);
  });

  it('a new production dependency, a transitive one, a version change or a missing hash fails', () => {
    const added = lock();
    added.packages['node_modules/left-pad'] = { version: '1.3.0', integrity: 'sha512-AAAA' };
    expect(checkShipped(added)).toContainEqual(
      expect.stringContaining('left-pad 1.3.0 ships but is not reviewed'),
    );

    const transitive = lock();
    transitive.packages['node_modules/idb'].dependencies = { tslib: '^2' };
    expect(checkShipped(transitive)).toContainEqual(expect.stringContaining('idb now depends on tslib'));

    const bumped = lock();
    bumped.packages['node_modules/preact'].version = '10.99.0';
    expect(checkShipped(bumped)).toContainEqual(expect.stringContaining('preact is 10.99.0'));

    const unhashed = lock();
    delete unhashed.packages['node_modules/fflate'].integrity;
    expect(checkShipped(unhashed)).toContainEqual('fflate has no integrity hash in package-lock.json');

    const dropped = lock();
    delete dropped.packages['node_modules/webextension-polyfill'];
    expect(checkShipped(dropped)).toContainEqual('webextension-polyfill is reviewed but not in the lockfile');

    const dev = lock();
    dev.packages['node_modules/left-pad'] = { version: '1.3.0', dev: true };
    expect(checkShipped(dev)).toEqual([]);
  });

  it('with the advisory service unreachable, the script says so in one line and never that it passed', () => {
    // A registry nothing listens on: the audit can't run, as with a mirror that answers 405.
    const out = spawnSync(process.execPath, [path.join(root, 'scripts/audit.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 100_000,
      env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' },
    });
    const text = `${out.stdout}${out.stderr}`;
    const couldNot = text.split('\n').filter((l) => l.startsWith('npm audit could not run: '));
    expect(couldNot, text).toHaveLength(1);
    expect(couldNot[0]).toContain('NO ADVISORY CHECK WAS DONE');
    expect(text).not.toMatch(/no high or critical finding/);
    // The offline check still ran, and passed.
    expect(text).toContain('What ships is the reviewed list');
    expect(out.status, text).toBe(0);
  }, 120_000);
});
