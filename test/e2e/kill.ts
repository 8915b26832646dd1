// Kills a browser the way a crash, an out-of-memory kill or a power cut would: SIGKILL to its
// whole process group (both harnesses start the browser detached, as a group leader), with
// no shutdown, no pagehide, no chance to flush anything. Found by its profile folder.
import { readdir, readFile } from 'node:fs/promises';

async function processesUsing(profileDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(profileDir)) pids.push(Number(entry));
  }
  return pids;
}

async function groupOf(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing paren.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const pgrp = Number(fields[2]);
  return Number.isFinite(pgrp) && pgrp > 1 ? pgrp : undefined;
}

/** SIGKILLs every process group holding a process of this profile; resolves once all are gone. */
export async function killBrowser(profileDir: string): Promise<void> {
  const pids = await processesUsing(profileDir);
  if (pids.length === 0) throw new Error(`no browser process uses ${profileDir}`);
  // Never our own group (a browser started without its own would take the test runner along).
  const own = await groupOf(process.pid);
  const groups = new Set<number>();
  for (const pid of pids) {
    const group = await groupOf(pid);
    if (group !== undefined && group !== own) groups.add(group);
  }
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  // Strays outside those groups (none expected), then wait for the kernel to reap them.
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  for (let i = 0; i < 100; i++) {
    if ((await processesUsing(profileDir)).length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the browser using ${profileDir} did not die`);
}
