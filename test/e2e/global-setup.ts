// Before any suite: build the test variant of the extension and make the fixture videos.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, ['build.mjs', '--test'], { cwd: root, stdio: 'inherit' });
  const { ensureVideos } = (await import(path.join(root, 'test/fixtures/make-videos.mjs'))) as {
    ensureVideos: () => Promise<Record<string, string>>;
  };
  await ensureVideos();
}
