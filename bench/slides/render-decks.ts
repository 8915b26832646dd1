// Renders the decks of decks.ts with the real tools (reveal.js with its fragments, Marp) in
// headless Chromium, one PNG per slide state (each build step), cached under
// bench/.cache/slides/decks/<deck>-<key>/ and keyed by the deck's spec and this renderer.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { type Background, type Deck, type DeckSlide, stepsOf } from './decks';
import { CACHE } from './generate';

export const SLIDE_W = 640;
export const SLIDE_H = 360;
const RENDERER_VERSION = '1';
const require = createRequire(import.meta.url);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A photo-like picture (fractal noise over a sky-to-ground gradient) as an SVG data URL. */
const PHOTO = `url("data:image/svg+xml;utf8,${encodeURIComponent(
  `<svg xmlns='http://www.w3.org/2000/svg' width='1280' height='720'><defs><linearGradient id='g' x1='0' y1='0' x2='0' y2='1'><stop offset='0' stop-color='#6d8fb3'/><stop offset='0.55' stop-color='#c9b48f'/><stop offset='1' stop-color='#4d5a3a'/></linearGradient><filter id='n'><feTurbulence type='fractalNoise' baseFrequency='0.012' numOctaves='5' seed='7'/><feColorMatrix values='0 0 0 0 0.3 0 0 0 0 0.25 0 0 0 0 0.2 0 0 0 0.9 0'/></filter></defs><rect width='1280' height='720' fill='url(#g)'/><rect width='1280' height='720' filter='url(#n)'/></svg>`,
).replace(/'/g, '%27')}")`;

function backgroundCss(bg: Background, dark: boolean): string | null {
  if (bg === 'gradient')
    return dark
      ? 'linear-gradient(135deg, #0f2027, #203a43 45%, #2c5364)'
      : 'linear-gradient(120deg, #fdfbfb, #dfe9f3 50%, #f6d8c8)';
  if (bg === 'photo') return PHOTO;
  if (bg === 'pattern')
    return dark
      ? 'repeating-linear-gradient(45deg, #1d2230 0 14px, #262c3d 14px 28px)'
      : 'repeating-linear-gradient(45deg, #f3f1ea 0 14px, #e6e2d6 14px 28px)';
  return null;
}

/** Shared template: a header band (or a side band for the deck's second template) and a footer. */
function templateCss(deck: Deck, scope: string): string {
  return `
${scope} .hdr{position:absolute;left:0;top:0;width:1280px;height:40px;background:${deck.accent}}
${scope}.alt .hdr{width:110px;height:720px}
${scope} .ftr{position:absolute;left:40px;bottom:18px;font-size:20px;opacity:.8}
${scope} .logo{position:absolute;right:36px;bottom:16px;width:36px;height:36px;border-radius:50%;background:${deck.accent}}
${scope} .box{position:absolute;background:#101418;border:3px solid ${deck.accent}}
${scope} table{font-size:26px} ${scope} pre{font-size:22px;line-height:1.35}
${scope} .ui{display:flex;gap:0;border:2px solid #8894a0;border-radius:8px;height:420px;width:1000px;background:#fafbfc;color:#222;font-size:22px}
${scope} .ui nav{width:220px;background:#e8ecf0;padding:14px} ${scope} .ui nav div{padding:8px}
${scope} .ui main{flex:1;padding:18px} ${scope} .ui .bar{height:26px;margin:12px 0;background:#7aa6d8;border-radius:4px}
`;
}

function revealBody(slide: DeckSlide): string {
  const c = slide.content;
  const title = `<h2>${esc(c.title)}</h2>`;
  if (c.kind === 'cover') return `${title}<p>${esc(c.subtitle)}</p>`;
  if (c.kind === 'bullets') {
    const cls: Record<string, string> = {
      add: 'fragment',
      'fade-out': 'fragment fade-out',
      recolour: 'fragment highlight-red',
      grow: 'fragment grow',
    };
    const items = c.bullets.map((b, k) => {
      const f = c.build && k >= 1 && (c.build !== 'grow' || k === 1) ? ` class="${cls[c.build]}"` : '';
      return `<li${f}>${esc(b)}</li>`;
    });
    return `${title}<ul>${items.join('')}</ul>`;
  }
  if (c.kind === 'code') {
    const lines = c.lines.map((l, k) =>
      c.build && k % 2 === 1 && k < 6
        ? `<span class="fragment highlight-current-blue">${esc(l)}</span>`
        : esc(l),
    );
    return `${title}<pre><code>${lines.join('\n')}</code></pre>`;
  }
  if (c.kind === 'table')
    return `${title}<table>${c.rows.map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('')}</table>`;
  if (c.kind === 'ui')
    return `${title}<div class="ui"><nav>${c.items.map((i) => `<div>${esc(i)}</div>`).join('')}</nav><main>${[80, 55, 92, 40].map((w) => `<div class="bar" style="width:${w}%"></div>`).join('')}</main></div>`;
  const b = c.box;
  return `${title}<p style="font-size:26px;width:460px">${esc(c.caption)}</p><div class="box" style="left:${b.x * 1280}px;top:${b.y * 720}px;width:${b.w * 1280}px;height:${b.h * 720}px"></div>`;
}

function revealPage(deck: Deck): string {
  const dist = dirname(require.resolve('reveal.js'));
  const url = (f: string) => pathToFileURL(join(dist, f)).href;
  const sections = deck.slides.map((s) => {
    const bg = backgroundCss(s.background, deck.dark);
    const attr = bg ? ` data-background-gradient="${bg.replace(/"/g, '&quot;')}"` : '';
    const pad = s.alt ? 'padding-left:150px' : 'padding-top:40px';
    return `<section class="${s.alt ? 'alt' : ''}"${attr}><div class="hdr"></div><div style="${pad}">${revealBody(s)}</div><div class="ftr">${esc(deck.footer)}</div><div class="logo"></div></section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${url('reveal.css')}"><link rel="stylesheet" href="${url(`theme/${deck.theme}.css`)}">
<style>*{transition:none!important;animation:none!important} .reveal section{text-align:left;height:720px} ${templateCss(deck, '.reveal section')}</style></head>
<body><div class="reveal"><div class="slides">${sections.join('\n')}</div></div><script src="${url('reveal.js')}"></script>
<script>window.ready = Reveal.initialize({width:1280,height:720,margin:0,center:false,controls:false,progress:false,hash:false,transition:'none',backgroundTransition:'none'});</script></body></html>`;
}

function marpMarkdown(deck: Deck): string {
  const parts = deck.slides.map((s) => {
    const c = s.content;
    const lines: string[] = [];
    const bg = backgroundCss(s.background, deck.dark);
    if (bg) lines.push(`<!-- _backgroundImage: "${bg.replace(/"/g, "'")}" -->`);
    lines.push(
      `<!-- _class: ${[s.alt ? 'alt' : '', c.kind === 'cover' ? 'lead' : ''].join(' ').trim() || 'plain'} -->`,
    );
    lines.push('<div class="hdr"></div><div class="logo"></div>', '', `# ${c.title}`, '');
    if (c.kind === 'cover') lines.push(c.subtitle);
    if (c.kind === 'bullets') lines.push(...c.bullets.map((b) => `- ${b}`));
    if (c.kind === 'code') lines.push('```js', ...c.lines, '```');
    if (c.kind === 'table') {
      const [head = [], ...rows] = c.rows;
      lines.push(
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
      );
    }
    if (c.kind === 'ui') lines.push(revealBody(s).replace(/^<h2>.*?<\/h2>/, ''));
    if (c.kind === 'player') lines.push(revealBody(s).replace(/^<h2>.*?<\/h2>/, ''));
    return lines.join('\n');
  });
  const style = `<style>section{padding-top:70px} section.alt{padding-left:150px} ${templateCss(deck, 'section')} section h1{font-size:48px}</style>`;
  return `---\ntheme: ${deck.theme}\nfooter: ${deck.footer}\n${deck.dark ? 'class: invert\n' : ''}---\n${style}\n\n${parts.join('\n\n---\n\n')}\n`;
}

export interface RenderedDeck {
  deck: Deck;
  /** PNG path of each slide state: states[slideIndex][step]. */
  states: string[][];
}

function deckKey(deck: Deck): string {
  return createHash('sha1')
    .update(RENDERER_VERSION + JSON.stringify(deck))
    .digest('hex')
    .slice(0, 10);
}

/** Renders the decks not yet in the cache (one Chromium for all of them). */
export async function renderDecks(decks: Deck[]): Promise<RenderedDeck[]> {
  const plans = decks.map((deck) => {
    const dir = join(CACHE, 'decks', `${deck.name}-${deckKey(deck)}`);
    const states = deck.slides.map((s, i) =>
      Array.from({ length: stepsOf(s) }, (_, k) =>
        join(dir, `${String(i).padStart(2, '0')}-${s.id}-${k}.png`),
      ),
    );
    return { deck, dir, states };
  });
  const missing = plans.filter((p) => !existsSync(join(p.dir, 'done')));
  if (missing.length) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      for (const p of missing) {
        mkdirSync(p.dir, { recursive: true });
        const page = await browser.newPage({ viewport: { width: SLIDE_W, height: SLIDE_H } });
        if (p.deck.tool === 'reveal') {
          const html = join(p.dir, 'index.html');
          writeFileSync(html, revealPage(p.deck));
          await page.goto(pathToFileURL(html).href);
          await page.evaluate('window.ready');
          for (const [i, steps] of p.states.entries()) {
            for (const [k, png] of steps.entries()) {
              await page.evaluate(`Reveal.slide(${i}, 0, ${k - 1})`);
              await page.evaluate(
                'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))',
              );
              await page.screenshot({ path: png });
            }
          }
        } else {
          const { Marp } = require('@marp-team/marp-core') as typeof import('@marp-team/marp-core');
          const { html, css } = new Marp({ html: true }).render(marpMarkdown(p.deck));
          await page.setContent(
            `<!doctype html><html><head><meta charset="utf-8"><style>${css} body{margin:0} svg[data-marpit-svg]{display:block;width:${SLIDE_W}px;height:${SLIDE_H}px}</style></head><body>${html}</body></html>`,
          );
          const svgs = page.locator('svg[data-marpit-svg]');
          for (const [i, steps] of p.states.entries()) await svgs.nth(i).screenshot({ path: steps[0] ?? '' });
        }
        await page.close();
        writeFileSync(join(p.dir, 'done'), '');
      }
    } finally {
      await browser.close();
    }
  }
  return plans.map(({ deck, states }) => ({ deck, states }));
}
