// Set by build.mjs through esbuild's `define`.
declare const __BROWSER__: 'chrome' | 'firefox';
declare const __TEST__: boolean;
