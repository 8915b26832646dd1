// Before any suite: build the test variant of the extension (into a folder of this run's
// own, so two runs at once don't rebuild under each other's browsers) and make the videos.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const out = path.join(root, 'dist-test', `run-${process.pid}`);
  execFileSync(process.execPath, ['build.mjs', '--test', '--out', out], { cwd: root, stdio: 'inherit' });
  const { ensureVideos } = (await import(path.join(root, 'test/fixtures/make-videos.mjs'))) as {
    ensureVideos: () => Promise<Record<string, string>>;
  };
  await ensureVideos();
  project.provide('distDir', out);
  return () => rm(out, { recursive: true, force: true });
}
