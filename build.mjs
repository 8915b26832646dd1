// Builds the extension for Chrome and Firefox from one source manifest.
//   node build.mjs [--browser chrome|firefox] [--production] [--watch] [--test] [--ask-hosts] [--out DIR]
// --production minifies and keeps source maps out of the package (written to dist/sourcemaps).
// --out DIR writes there instead of dist/ (source maps too) and leaves dist/ alone: no CLI build.
// --test writes dist-test/: the same build plus what the end-to-end tests need and a
// user's build must not have (see testManifestChanges below). --ask-hosts (with --test) leaves
// out <all_urls>, so granting a site's optional host permission really adds one
// (test/e2e/site-always.e2e.ts).
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const { values: opts } = parseArgs({
  options: {
    browser: { type: 'string' },
    production: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    test: { type: 'boolean', default: false },
    'ask-hosts': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const browsers = opts.browser ? [opts.browser] : ['chrome', 'firefox'];
for (const b of browsers) {
  if (b !== 'chrome' && b !== 'firefox') throw new Error(`--browser must be chrome or firefox, not "${b}"`);
}
const outRoot = opts.out ?? (opts.test ? 'dist-test' : 'dist');

/** Entry points: output name -> source. */
const entries = {
  background: 'src/background/index.ts',
  content: 'src/content/index.tsx',
  popup: 'src/popup/index.tsx',
  // The popup's first moves, a classic script at the top of popup.html's <head>: the tab, the
  // database and the first read start while the page still loads (src/popup/early.ts).
  'popup-early': 'src/popup/early-entry.ts',
  library: 'src/library/index.tsx',
};
const pages = ['popup', 'library'];

// Slide text (OCR): Chromium reads slides in an offscreen document (its service worker can't
// start a Web Worker); Firefox in its background page. The engine's files are packaged, never
// fetched: tesseract.js's worker, the SIMD LSTM wasm core and the English LSTM data.
const ocrEntry = { offscreen: 'src/ocr/offscreen.ts' };
const ocrAssets = [
  'node_modules/tesseract.js/dist/worker.min.js',
  'node_modules/tesseract.js-core/tesseract-core-simd-lstm.js',
  'node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm',
  'node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
];
// tesseract.js falls back to a CDN for any path not given. Talkmark gives them all; to be sure
// nothing can ever go remote, the CDN base becomes a path inside the package (a 404 there).
const CDN = 'https://cdn.jsdelivr.net/npm/';
const NO_CDN = './no-cdn/';
const noCdn = {
  name: 'no-cdn',
  setup(b) {
    b.onLoad({ filter: /[\\/]tesseract\.js[\\/]src[\\/].*\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(CDN, NO_CDN),
      loader: 'js',
    }));
  },
};
// The views' style sheets are CSS in template literals (`export const panelCss = \`…\``), which
// JavaScript minification leaves as typed. Every build minifies them as CSS (the tests run
// what ships): their comments and indentation cost the content script 0.3 KB gzipped
// (40.1 → 39.8 KB, against a 40 KB budget).
const CSS_LITERAL = /(export const \w+Css = `)([^`$\\]*)(`)/g;
const cssLiterals = (target) => ({
  name: 'css-literals',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const loader = args.path.endsWith('x') ? 'tsx' : 'ts';
      if (text.search(CSS_LITERAL) < 0) return { contents: text, loader };
      const sheets = [];
      for (const m of text.matchAll(CSS_LITERAL)) {
        const css = await esbuild.transform(m[2], { loader: 'css', minify: true, target, charset: 'utf8' });
        // Back into a template literal: escape what would end it or start a substitution.
        sheets.push(css.code.trim().replace(/[\\`]|\$\{/g, (c) => `\\${c}`));
      }
      let i = 0;
      return {
        contents: text.replace(CSS_LITERAL, (_, open, _css, close) => open + sheets[i++] + close),
        loader,
      };
    });
  },
});
// The popup's modules loaded on first use (src/popup/index.tsx imports them dynamically): the
// popup's script keeps `import("./popup-lazy/<name>.js")` for them, resolved by the browser.
const popupLazyEntries = {
  store: 'src/store/index.ts',
  'export-post': 'src/core/export/export-post.ts',
  // Only should popup-early.js not have run.
  early: 'src/popup/early.ts',
};
const popupLazy = {
  name: 'popup-lazy',
  setup(b) {
    const lazy = new Map(Object.entries(popupLazyEntries).map(([name, file]) => [path.resolve(file), name]));
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      const name = lazy.get(target) ?? lazy.get(`${target}.ts`) ?? lazy.get(path.join(target, 'index.ts'));
      if (!name) throw new Error(`popup: ${args.path} is imported on demand but is not in popupLazyEntries`);
      return { path: `./popup-lazy/${name}.js`, external: true };
    });
  },
};
const entriesFor = (browser) => (browser === 'chrome' ? { ...entries, ...ocrEntry } : entries);
const pagesFor = (browser) => (browser === 'chrome' ? [...pages, 'offscreen'] : pages);
const pageSource = (page) => (page === 'offscreen' ? 'src/ocr/offscreen.html' : `src/${page}/${page}.html`);

// The end-to-end tests serve fixture pages from 127.0.0.1 and need the screenshot
// fallback without a toolbar click, which no test can perform.
function testManifestChanges(manifest) {
  const all = opts['ask-hosts'] ? [] : ['<all_urls>'];
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*', ...all];
  // Without <all_urls>, the popup sees its tab's URL through the toolbar click's activeTab,
  // which no test can perform: "tabs" stands in for it (the URL only, no access to the page).
  if (opts['ask-hosts']) manifest.permissions = [...manifest.permissions, 'tabs'];
  manifest.content_scripts[0].matches.push('http://127.0.0.1/*');
  // Firefox's WebDriver BiDi won't navigate a tab to moz-extension:// itself; the tests get
  // there from a fixture page, which needs the pages to be web-accessible.
  manifest.web_accessible_resources = [
    { resources: ['popup.html', 'library.html'], matches: ['http://127.0.0.1/*'] },
  ];
}

function manifestFor(source, browser) {
  const m = structuredClone(source);
  if (browser === 'chrome') {
    m.background = { service_worker: source.background.service_worker };
    delete m.browser_specific_settings;
    // Chromium only: Firefox has no offscreen documents (it reads slides in the background page).
    m.permissions = [...m.permissions, 'offscreen'];
  } else {
    // Chrome's key: from 148 on, Chrome passes Blobs in messages (message_serialization).
    delete m.minimum_chrome_version;
    m.background = { scripts: source.background.scripts };
    // Firefox does not know the key and web-ext lint warns about it.
    delete m.message_serialization;
  }
  if (opts.test) testManifestChanges(m);
  return m;
}

async function buildBrowser(browser) {
  const outdir = path.join(outRoot, browser);
  const common = {
    bundle: true,
    entryPoints: entriesFor(browser),
    outdir,
    format: 'iife',
    target: browser === 'chrome' ? ['chrome148'] : ['firefox140'],
    minify: opts.production,
    sourcemap: opts.production ? 'external' : 'inline',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [noCdn, cssLiterals(browser === 'chrome' ? ['chrome148'] : ['firefox140'])],
    define: {
      __BROWSER__: JSON.stringify(browser),
      __TEST__: JSON.stringify(opts.test),
      'process.env.NODE_ENV': JSON.stringify(opts.production ? 'production' : 'development'),
    },
  };
  const copyStatic = async () => {
    const source = JSON.parse(await readFile('manifest.json', 'utf8'));
    await writeFile(
      path.join(outdir, 'manifest.json'),
      `${JSON.stringify(manifestFor(source, browser), null, 2)}\n`,
    );
    await cp('icons', path.join(outdir, 'icons'), {
      recursive: true,
      filter: (f) => !/\.(md|mjs|svg)$/.test(f),
    });
    for (const page of pagesFor(browser)) await cp(pageSource(page), path.join(outdir, `${page}.html`));
    await mkdir(path.join(outdir, 'ocr'), { recursive: true });
    for (const file of ocrAssets) {
      const to = path.join(outdir, 'ocr', path.basename(file));
      if (file.endsWith('worker.min.js'))
        await writeFile(to, (await readFile(file, 'utf8')).replaceAll(CDN, NO_CDN));
      else await cp(file, to);
    }
  };
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await copyStatic();
  const { popup, ...scripts } = entriesFor(browser);
  const builds = [
    { ...common, entryPoints: scripts },
    // The popup's view is a classic script too, `async` in popup.html: the browser fetches it
    // while popup-early.js runs and runs it as soon as it is there, without waiting for the
    // page's parsing or for further files (an ES module waits for both: with the early script
    // plus an ES module in chunks it replaces, the first paint came 8–14 ms later in Chromium
    // and 2–6 ms later in Firefox, measured in the same runs). What a click needs (the store's
    // writers, the exporters) is left out of it: popup-lazy/, ES modules imported on first use.
    { ...common, entryPoints: { popup }, plugins: [...common.plugins, popupLazy] },
    {
      ...common,
      entryPoints: popupLazyEntries,
      outdir: path.join(outdir, 'popup-lazy'),
      format: 'esm',
      splitting: true,
      chunkNames: '[name]-[hash]',
    },
  ];
  if (opts.watch) {
    for (const [i, b] of builds.entries()) {
      const plugins =
        i === 0 ? [...b.plugins, { name: 'static', setup: (x) => x.onEnd(() => copyStatic()) }] : b.plugins;
      await (await esbuild.context({ ...b, plugins })).watch();
    }
    console.log(`watching: ${outdir}`);
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  if (opts.production) {
    // Source maps stay on disk for debugging, outside the package.
    const maps = path.join(outRoot, 'sourcemaps', browser);
    const files = await readdir(outdir, { recursive: true });
    for (const map of files.filter((f) => f.endsWith('.js.map'))) {
      await mkdir(path.dirname(path.join(maps, map)), { recursive: true });
      await cp(path.join(outdir, map), path.join(maps, map));
      await rm(path.join(outdir, map));
      const js = path.join(outdir, map.slice(0, -'.map'.length));
      const code = await readFile(js, 'utf8');
      await writeFile(js, code.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'));
    }
  }
}

async function buildCli() {
  await esbuild.build({
    bundle: true,
    entryPoints: { talkmark: 'src/cli/main.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

// The CLI goes to dist/cli (bin/talkmark.mjs runs it from there): only a build into dist/ makes it.
await Promise.all([...browsers.map(buildBrowser), outRoot !== 'dist' || opts.watch ? null : buildCli()]);
if (!opts.watch) console.log(`built ${browsers.map((b) => path.join(outRoot, b)).join(', ')}`);
