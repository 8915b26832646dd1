// What the demo does in each talk of its fictional conference day: the moments, and what is
// captured and typed there. Slides get captions typed by hand (the demo's videos are fixture
// videos whose pictures don't match these talks); notes and quotes as a user would take them.

export interface Step {
  at: number;
  /** Capture the slide; the string is the caption typed on it. */
  slide?: string;
  /** Take the caption on screen as a quote. */
  quote?: boolean;
  note?: string;
}

export interface DemoTalk {
  /** The video id of demo/watch.html's catalogue. */
  id: string;
  name: string;
  steps: Step[];
  /** Notes turned into headings in the library afterwards. */
  headings?: string[];
}

export const talks: DemoTalk[] = [
  {
    id: 'rbdKeynote1',
    name: 'Keynote: Notes That Outlive the Conference',
    steps: [
      { at: 3, slide: 'Notes that outlive the conference' },
      {
        at: 14,
        slide: 'Why a week is enough to forget',
        note: 'Lena opened with a show of hands: almost nobody could name three ideas from last year’s talks.',
      },
      { at: 18, quote: true },
      {
        at: 26,
        slide: 'Three things to keep',
        note: 'Her short list: what was said, when it was said, and the slide that showed it.',
      },
      {
        at: 42,
        slide: 'Time is the index',
        note: 'Every note keeps its moment, so a reader can jump straight to that part of the recording.',
      },
      { at: 45, quote: true },
      { at: 56, note: 'Publishing the same evening' },
      {
        at: 58,
        slide: 'One post per conference day',
        note: 'A section per block of the day and a heading per talk: the post is mostly written by the time the talks end.',
      },
    ],
    headings: ['Publishing the same evening'],
  },
  {
    id: 'rbdAlerts02',
    name: 'Quiet Dashboards: Alerting Without the Noise',
    steps: [
      {
        at: 2,
        slide: 'An on-call week in numbers',
        note: 'Brightline’s rotation got about 400 pages a week; only 30 of them needed a person.',
      },
      { at: 8, quote: true },
      { at: 9, slide: 'Symptoms over causes' },
      {
        at: 15,
        slide: 'A budget for pages',
        note: 'Each team gets a page budget. Going over it means fixing alerts before shipping features.',
      },
    ],
  },
  {
    id: 'rbdConfig03',
    name: 'Typed Configuration for Humans',
    steps: [
      {
        at: 5,
        note: 'Priya started with an outage story: one missing quote in a YAML file, one hour without checkout.',
      },
      { at: 26, slide: 'Where configuration breaks' },
      { at: 28, quote: true },
      {
        at: 57,
        slide: 'Types as documentation',
        note: 'Schema first; the docs, the editor hints and the validation all come from it.',
      },
    ],
  },
];
