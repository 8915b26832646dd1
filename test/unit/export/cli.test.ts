import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../src/cli/export';
import { encodeBackup } from '../../../src/core/backup';
import { exportPost } from '../../../src/core/export';
import type { PostId, Snapshot } from '../../../src/core/model';
import { harbourConf, postId } from '../../fixtures/posts/harbour-conf';
import { decode } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'talkmark-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture without its deliberate dangling references, which a backup refuses. */
function consistent(): Snapshot {
  const s = harbourConf();
  for (const p of s.posts)
    for (const sec of p.sections) sec.talkIds = sec.talkIds.filter((id) => id !== 't_deleted');
  s.notes = s.notes.filter((n) => n.imageId !== 'i_gone');
  return s;
}

function backupFile(name: string, snapshot: Snapshot): string {
  const path = join(dir, name);
  writeFileSync(path, encodeBackup(snapshot));
  return path;
}

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runExport(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const single = backupFile('single.talkmark', consistent());
const twoPosts = (() => {
  const s = consistent();
  const first = s.posts[0];
  if (!first) throw new Error('fixture');
  s.posts.push({
    ...first,
    id: 'p_other' as PostId,
    title: 'Another day',
    slug: 'another-day',
    sections: [],
  });
  return backupFile('two.talkmark', s);
})();

describe('talkmark export', () => {
  it('writes the only post of a backup as the exporter gives it', async () => {
    const out = join(dir, 'hugo-out');
    const r = await run(single, '--format', 'hugo', '--out', out);
    expect(r.stderr).toMatch(/Exported 1 post as hugo/);
    expect(r.code).toBe(0);
    const expected = exportPost(consistent(), postId, 'hugo');
    if (!expected.ok) throw new Error(expected.error);
    expect(r.stdout.trim().split('\n')).toEqual(expected.value.map((f) => f.path));
    for (const f of expected.value) expect(readFileSync(join(out, f.path))).toEqual(Buffer.from(f.bytes));
  });

  it('exports every post with --all and one with --post', async () => {
    const all = await run(twoPosts, '--format', 'markdown', '--all', '--out', join(dir, 'all'));
    expect(all.code).toBe(0);
    expect(existsSync(join(dir, 'all/harbour-conf-2026-day-2/post.md'))).toBe(true);
    expect(decode(readFileSync(join(dir, 'all/another-day/post.md')))).toMatch(/^# Another day/);
    const one = await run(twoPosts, '--format', 'jekyll', '--post', 'p_other', '--out', join(dir, 'one'));
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')[0]).toBe('_posts/2026-05-13-another-day.md');
  });

  it('says clearly what is wrong and exits non-zero', async () => {
    const garbage = join(dir, 'garbage.zip');
    writeFileSync(garbage, 'this is not a zip');
    const cases: Array<[string[], number, RegExp]> = [
      [
        [join(dir, 'missing.talkmark'), '--format', 'hugo', '--out', dir],
        1,
        /can't read .*missing\.talkmark: no such file/,
      ],
      [[dir, '--format', 'hugo', '--out', join(dir, 'x')], 1, /it is a folder/],
      [[garbage, '--format', 'hugo', '--out', join(dir, 'x')], 1, /not a usable Talkmark backup/],
      [
        [twoPosts, '--format', 'hugo', '--post', 'p_nope', '--out', join(dir, 'x')],
        1,
        /no post with id p_nope.*\n.*p_harbour2/,
      ],
      [
        [twoPosts, '--format', 'hugo', '--out', join(dir, 'x')],
        1,
        /has 2 posts; choose with --post ID or --all/,
      ],
      [[single, '--format', 'wordpress', '--out', join(dir, 'x')], 2, /unknown format "wordpress"/],
      [[single, '--format', 'hugo'], 2, /missing --out/],
      [[single, '--out', join(dir, 'x')], 2, /missing --format/],
      [['--format', 'hugo', '--out', join(dir, 'x')], 2, /missing BACKUP/],
      [
        [single, '--format', 'hugo', '--all', '--post', 'p_x', '--out', join(dir, 'x')],
        2,
        /either --post or --all/,
      ],
      [[single, '--format', 'hugo', '--bogus', '--out', join(dir, 'x')], 2, /unknown option --bogus/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(...args);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stdout).toBe('');
    }
  });

  it('does not overwrite without --force, and writes nothing when it refuses', async () => {
    const out = join(dir, 'again');
    expect((await run(single, '--format', 'obsidian', '--out', out)).code).toBe(0);
    const note = join(out, 'Harbour Conf 2026 Day 2 — Ships & Shores 2.md');
    writeFileSync(note, 'edited by hand');
    const refused = await run(single, '--format', 'obsidian', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing was written to .*already exists \(use --force to overwrite\)/);
    expect(readFileSync(note, 'utf8')).toBe('edited by hand');
    expect((await run(single, '--format', 'obsidian', '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(note, 'utf8')).toMatch(/^---\ntitle:/);
  });

  it('exports titles of any length in bytes with --all, and lists what it wrote', async () => {
    const s = consistent();
    const first = s.posts[0];
    if (!first) throw new Error('fixture');
    const titles = [
      '日本語のタイトル'.repeat(17),
      '😀'.repeat(120),
      'CONIN$',
      'conout$.txt',
      'Ünïcödé'.repeat(40),
    ];
    titles.forEach((title, i) => {
      s.posts.push({ ...first, id: `p_long${i}` as PostId, title, slug: '', sections: [] });
    });
    const out = join(dir, 'long');
    const r = await run(backupFile('long.talkmark', s), '--format', 'obsidian', '--all', '--out', out);
    expect(r.stderr).toMatch(/Exported 6 posts as obsidian to .*: \d+ files written/);
    expect(r.code).toBe(0);
    const listed = r.stdout.trim().split('\n');
    for (const path of listed) {
      expect(existsSync(join(out, path)), path).toBe(true);
      for (const seg of path.split('/')) expect(Buffer.byteLength(seg), seg).toBeLessThanOrEqual(255);
    }
    const notes = listed.filter((p) => p.endsWith('.md'));
    expect(notes).toHaveLength(6);
    expect(notes.some((n) => /^(conin|conout)\$/i.test(n.split('.')[0] ?? ''))).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.talkmark-export'))).toEqual([]);
  });

  it('writes nothing when a file fails half way, and puts back what it replaced', async () => {
    const out = join(dir, 'half');
    mkdirSync(out);
    const kept = join(out, 'post.md');
    writeFileSync(kept, 'mine');
    // A file where the export needs a folder: every file before it is written, then this fails.
    writeFileSync(join(out, 'images'), 'in the way');
    const r = await run(single, '--format', 'markdown', '--out', out, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was written to /);
    expect(r.stdout).toBe('');
    expect(readFileSync(kept, 'utf8')).toBe('mine');
    expect(readdirSync(out).sort()).toEqual(['images', 'post.md']);
  });

  it('never writes through a link that leads out of --out', async () => {
    const out = join(dir, 'linked');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'harbour-conf-2026-day-2'));
    const r = await run(single, '--format', 'hugo', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to write outside/);
    expect(existsSync(join(elsewhere, 'index.md'))).toBe(false);
  });

  it('runs as `talkmark export` from the command line', { timeout: 30_000 }, () => {
    const out = join(dir, 'cli');
    const ok = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'export', single, '--format', 'markdown', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(ok.stderr).toMatch(/Exported 1 post/);
    expect(ok.status).toBe(0);
    expect(existsSync(join(out, 'post.md'))).toBe(true);
    const bad = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'export', single, '--format', 'nope', '--out', out],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
  });
});
