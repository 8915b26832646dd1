#!/usr/bin/env node
// Runs the built CLI (npm run build writes dist/cli/talkmark.mjs).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/talkmark.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('talkmark: the CLI is not built yet. Run `npm run build` first.\n');
  process.exit(1);
}
await import(cli.href);
