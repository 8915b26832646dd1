// Decks made with real presentation tools (reveal.js and Marp) for the slide benchmark, described
// as data and generated from seeded word pools so each deck has many slides of one template.
// Tuning decks and held-out decks differ in tool theme, template, background and text, so a
// threshold that only fits the tuning half shows up as a miss on the other.

export type Background = 'flat' | 'gradient' | 'photo' | 'pattern';

/** A build step's effect in reveal.js (fragment classes): what changes from one step to the next. */
export type BuildKind = 'add' | 'fade-out' | 'recolour' | 'highlight-line' | 'grow';

export type Content =
  | { kind: 'bullets'; title: string; bullets: string[]; build?: BuildKind }
  | { kind: 'code'; title: string; lines: string[]; build?: 'highlight-line' }
  | { kind: 'table'; title: string; rows: string[][] }
  | { kind: 'ui'; title: string; items: string[] }
  | { kind: 'cover'; title: string; subtitle: string }
  /** A box left empty for a video that plays inside the slide (drawn by the assembler). */
  | { kind: 'player'; title: string; caption: string; box: Box };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DeckSlide {
  id: string;
  content: Content;
  background: Background;
  /** Second template of the deck (a different layout with the same header and footer). */
  alt?: boolean;
}

export interface Deck {
  name: string;
  tool: 'reveal' | 'marp';
  /** reveal.js theme file or Marp built-in theme. */
  theme: string;
  dark: boolean;
  footer: string;
  /** Colours of the shared header bar and accent. */
  accent: string;
  slides: DeckSlide[];
}

/** Mulberry32: the decks must come out the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS = {
  tuning: {
    nouns: ['partition', 'consumer', 'offset', 'replica', 'broker', 'schema', 'topic', 'cluster', 'shard'],
    verbs: ['rebalance', 'compact', 'replay', 'throttle', 'retry', 'batch', 'index', 'mirror'],
    adjs: ['idempotent', 'ordered', 'durable', 'lagging', 'hot', 'cold', 'elastic', 'sharded'],
    titles: ['Backpressure', 'Ordering', 'Retries', 'Storage', 'Consumers', 'Rollout', 'Costs', 'Alerts'],
  },
  heldOut: {
    nouns: ['parser', 'token', 'lexer', 'visitor', 'register', 'closure', 'module', 'symbol', 'pass'],
    verbs: ['inline', 'hoist', 'unroll', 'lower', 'resolve', 'fold', 'spill', 'emit'],
    adjs: ['typed', 'lazy', 'pure', 'recursive', 'generic', 'static', 'mutable', 'boxed'],
    titles: ['Lowering', 'Type Checking', 'Inlining', 'Registers', 'Closures', 'Codegen', 'Errors', 'Macros'],
  },
};

type Pool = (typeof POOLS)['tuning'];

function words(pool: Pool, r: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const line = () =>
    `${pick(pool.verbs)} every ${pick(pool.adjs)} ${pick(pool.nouns)} before the ${pick(pool.nouns)} ${Math.floor(r() * 90 + 10)}`;
  return { pick, line };
}

/**
 * The slides of one deck: same-template bullet slides, near-duplicates (one word, one table cell,
 * one code literal), builds of each kind, tables, code, a UI screenshot, covers on non-flat
 * backgrounds and slides with a playing region.
 */
function slidesFor(pool: Pool, seed: number, reveal: boolean): DeckSlide[] {
  const r = rng(seed);
  const { pick, line } = words(pool, r);
  const out: DeckSlide[] = [];
  const add = (id: string, content: Content, background: Background = 'flat', alt = false) =>
    out.push({ id, content, background, alt });
  add(
    'cover',
    { kind: 'cover', title: `${pick(pool.titles)} in Practice`, subtitle: 'Two years of lessons' },
    'gradient',
  );
  for (let i = 0; i < 10; i++) {
    const n = 3 + (i % 3);
    add(
      `b${i}`,
      { kind: 'bullets', title: `${pick(pool.titles)} ${i + 1}`, bullets: Array.from({ length: n }, line) },
      'flat',
      i % 4 === 3,
    );
  }
  const base = Array.from({ length: 4 }, line);
  add('nd-word-a', { kind: 'bullets', title: 'Rule of thumb', bullets: base });
  const swapped = base.map((b, k) => (k === 2 ? b.replace(/every (\w+)/, 'every single') : b));
  add('nd-word-b', { kind: 'bullets', title: 'Rule of thumb', bullets: swapped });
  const rows = [
    ['Region', 'p50 ms', 'p99 ms', 'Errors'],
    ['north', '12', '180', '0.1%'],
    ['south', '14', '210', '0.3%'],
    ['east', '11', '170', '0.2%'],
  ];
  add('nd-cell-a', { kind: 'table', title: 'Latency by region', rows });
  add(
    'nd-cell-b',
    {
      kind: 'table',
      title: 'Latency by region',
      rows: rows.map((row, k) => (k === 2 ? [row[0] ?? '', row[1] ?? '', '270', row[3] ?? ''] : row)),
    },
    'flat',
    true,
  );
  const code = [
    `function ${pick(pool.verbs)}(items) {`,
    `  const limit = 64;`,
    `  for (const item of items) {`,
    `    if (item.size > limit) return false;`,
    `  }`,
    `  return true;`,
    `}`,
  ];
  add('nd-code-a', { kind: 'code', title: 'The check', lines: code });
  add('nd-code-b', { kind: 'code', title: 'The check', lines: code.map((l) => l.replace('64', '128')) });
  add('table', {
    kind: 'table',
    title: 'Before and after',
    rows: [
      ['Metric', 'Before', 'After'],
      ['CPU', '71%', '38%'],
      ['Memory', '12 GB', '7 GB'],
      ['Cost', '$9k', '$5k'],
      ['Pages', '14', '3'],
    ],
  });
  add('ui', {
    kind: 'ui',
    title: 'The dashboard',
    items: ['Overview', 'Consumers', 'Lag', 'Alerts', 'Settings'],
  });
  add(
    'bg-gradient',
    { kind: 'bullets', title: `${pick(pool.titles)} at a glance`, bullets: [line(), line()] },
    'gradient',
  );
  add('bg-photo', { kind: 'cover', title: 'Where it started', subtitle: line() }, 'photo');
  add(
    'bg-pattern',
    { kind: 'bullets', title: 'Three numbers', bullets: [line(), line(), line()] },
    'pattern',
  );
  add('play-large', {
    kind: 'player',
    title: 'Live demo',
    caption: line(),
    box: { x: 0.42, y: 0.28, w: 0.5, h: 0.56 },
  });
  add(
    'play-small',
    {
      kind: 'player',
      title: 'It keeps running',
      caption: line(),
      box: { x: 0.72, y: 0.62, w: 0.2, h: 0.22 },
    },
    'flat',
    true,
  );
  if (reveal) {
    add('build-add', {
      kind: 'bullets',
      title: 'Step by step',
      bullets: [line(), line(), line()],
      build: 'add',
    });
    add('build-fade', {
      kind: 'bullets',
      title: 'What we dropped',
      bullets: [line(), line(), line()],
      build: 'fade-out',
    });
    add('build-colour', {
      kind: 'bullets',
      title: 'What mattered',
      bullets: [line(), line(), line()],
      build: 'recolour',
    });
    add('build-grow', { kind: 'bullets', title: 'The one rule', bullets: [line(), line()], build: 'grow' });
    add('build-code', { kind: 'code', title: 'Walkthrough', lines: code, build: 'highlight-line' });
  }
  return out;
}

export const decks: Record<'tuning' | 'heldOut', Deck[]> = {
  tuning: [
    {
      name: 'rv-streams',
      tool: 'reveal',
      theme: 'white',
      dark: false,
      footer: 'Streams Summit',
      accent: '#2a76dd',
      slides: slidesFor(POOLS.tuning, 11, true),
    },
    {
      name: 'mp-streams',
      tool: 'marp',
      theme: 'default',
      dark: false,
      footer: 'Streams Summit',
      accent: '#1f6f8b',
      slides: slidesFor(POOLS.tuning, 12, false),
    },
    {
      name: 'rv-night',
      tool: 'reveal',
      theme: 'night',
      dark: true,
      footer: 'Ops Night',
      accent: '#e7ad52',
      slides: slidesFor(POOLS.tuning, 13, true),
    },
  ],
  heldOut: [
    {
      name: 'rv-compilers',
      tool: 'reveal',
      theme: 'moon',
      dark: true,
      footer: 'CompilerConf',
      accent: '#6c71c4',
      slides: slidesFor(POOLS.heldOut, 21, true),
    },
    {
      name: 'mp-compilers',
      tool: 'marp',
      theme: 'gaia',
      dark: false,
      footer: 'CompilerConf',
      accent: '#455a64',
      slides: slidesFor(POOLS.heldOut, 22, false),
    },
    {
      name: 'rv-serif',
      tool: 'reveal',
      theme: 'serif',
      dark: false,
      footer: 'Lang Day',
      accent: '#8b743d',
      slides: slidesFor(POOLS.heldOut, 23, true),
    },
  ],
};

/** How many states a slide shows: its build steps plus the start, or 1. */
export function stepsOf(slide: DeckSlide): number {
  const c = slide.content;
  if (c.kind === 'bullets' && c.build) return c.build === 'grow' ? 2 : c.bullets.length;
  if (c.kind === 'code' && c.build) return 4;
  return 1;
}
