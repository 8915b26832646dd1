// What the figures were measured on: cores, CPU, memory, Node and the browsers the benches use,
// and how busy the machine was when the run started (others share it).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string;
  loadAverage: number;
}

/** The first line a browser prints for --version, or why there is none. */
function version(label: string, candidates: string[]): string {
  for (const bin of candidates) {
    const out = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 15_000 });
    const line = out.stdout?.split('\n').find((l) => /\d+\.\d+/.test(l));
    if (out.status === 0 && line) return line.trim();
  }
  return `${label} not found`;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    memoryGb: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: version('Chromium', [process.env.CHROMIUM_PATH ?? 'chromium', 'chromium-browser']),
    firefox: version('Firefox', [process.env.FIREFOX_PATH ?? 'firefox-esr', 'firefox']),
    loadAverage: loadavg()[0] ?? Number.NaN,
  };
}
