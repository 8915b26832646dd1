// Every performance budget in one place (issue 8, quoted in the README's performance section).
// A budget bounds either a figure's value or its ratio to the reference measured in the same run;
// `bench` names the `npm run bench:<name>` script expected to measure it, so the report can say
// which budgets went unmeasured and why.

export interface Budget {
  text: string;
  /** Whether the limit applies to the value itself or to value ÷ same-run reference. */
  on: 'value' | 'ratio';
  direction: 'max' | 'min';
  limit: number;
  /** Unit of the limit when `on` is 'value' (a figure in another unit can't be judged). */
  unit?: string;
  bench: string;
}

export const BUDGETS = {
  'capture-p50': {
    text: 'capture p50 ≤ 1.3× the bare drawImage+encode time',
    on: 'ratio',
    direction: 'max',
    limit: 1.3,
    bench: 'capture',
  },
  'content-size': {
    text: 'content script ≤ 40 KB gzipped',
    on: 'value',
    direction: 'max',
    limit: 40,
    unit: 'KB',
    bench: 'capture',
  },
  'content-ready': {
    text: 'content script ready in ≤ 50 ms',
    on: 'value',
    direction: 'max',
    limit: 50,
    unit: 'ms',
    bench: 'capture',
  },
  'autocapture-cpu': {
    text: 'auto-capture ≤ 2% of one core',
    on: 'value',
    direction: 'max',
    limit: 2,
    unit: '%',
    bench: 'auto-capture',
  },
  // Most of a popup's first paint is the browser opening an extension page, which a busy
  // machine slows down for every page alike: the budget is what the popup adds to that.
  'popup-paint': {
    text: 'popup first paint ≤ 1.25× an empty extension page that makes the bare read of the same records',
    on: 'ratio',
    direction: 'max',
    limit: 1.25,
    bench: 'library',
  },
  'library-open': {
    text: 'library open ≤ 300 ms with 10,000 notes',
    on: 'value',
    direction: 'max',
    limit: 300,
    unit: 'ms',
    bench: 'library',
  },
  'library-search': {
    text: 'library search ≤ 50 ms with 10,000 notes',
    on: 'value',
    direction: 'max',
    limit: 50,
    unit: 'ms',
    bench: 'library',
  },
  'export-time': {
    text: 'export ≤ 1.5× the bare zip time',
    on: 'ratio',
    direction: 'max',
    limit: 1.5,
    bench: 'export',
  },
  'export-memory': {
    text: "export peak memory ≤ 1.5× the post's size",
    on: 'ratio',
    direction: 'max',
    limit: 1.5,
    bench: 'export',
  },
  'detector-cpu': {
    text: 'slide detector ≤ 1 ms per sampled frame',
    on: 'value',
    direction: 'max',
    limit: 1,
    unit: 'ms',
    bench: 'slides',
  },
  'detector-heldout-recall': {
    text: 'slide detection strict recall ≥ 0.97 on the held-out decks',
    on: 'value',
    direction: 'min',
    limit: 0.97,
    bench: 'slides',
  },
  'detector-heldout-precision': {
    text: 'slide detection strict precision ≥ 0.97 on the held-out decks',
    on: 'value',
    direction: 'min',
    limit: 0.97,
    bench: 'slides',
  },
  'detector-f1': {
    text: 'slide detection F1 ≥ 0.95',
    on: 'value',
    direction: 'min',
    limit: 0.95,
    bench: 'slides',
  },
  'ocr-title-cer': {
    text: 'slide title CER ≤ 3 % at 720p after compression',
    on: 'value',
    direction: 'max',
    limit: 3,
    unit: '%',
    bench: 'ocr',
  },
  'ocr-text-cer': {
    text: 'slide full-text CER ≤ 8 % at 720p after compression',
    on: 'value',
    direction: 'max',
    limit: 8,
    unit: '%',
    bench: 'ocr',
  },
  'ocr-time': {
    text: 'slide OCR ≤ 1.2× the bare engine recognise',
    on: 'ratio',
    direction: 'max',
    limit: 1.2,
    bench: 'ocr',
  },
  'ocr-page-time': {
    text: "video page's main-thread time during OCR ≈ 0 (≤ 5 ms above idle)",
    on: 'value',
    direction: 'max',
    limit: 5,
    unit: 'ms',
    bench: 'ocr',
  },
  'package-size': {
    text: 'packaged extension (zip) ≤ 15 MB',
    on: 'value',
    direction: 'max',
    limit: 15,
    unit: 'MB',
    bench: 'ocr',
  },
} satisfies Record<string, Budget>;

export type BudgetId = keyof typeof BUDGETS;

export const budgetIds = Object.keys(BUDGETS) as BudgetId[];

export function budget(id: BudgetId): Budget {
  return BUDGETS[id];
}
