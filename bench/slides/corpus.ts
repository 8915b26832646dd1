// The benchmark's talk videos, described as data: one video per case the detector must handle.
// generate.ts turns each into an ffmpeg filter graph and a ground truth.

export type Transition = 'cut' | 'fade' | 'dissolve' | 'wipeleft';

export interface SlideSegment {
  kind: 'slide';
  /** Distinct slide; build steps share it. */
  id: string;
  title: string;
  bullets: string[];
  seconds: number;
  /** Steps of an incremental build that are not the last: capturing them is a mistake. */
  partialBuild?: boolean;
  /** A demo video playing in a box inside the slide. */
  embeddedVideo?: boolean;
}

export interface CameraSegment {
  kind: 'camera';
  seconds: number;
  /** A speaker who barely moves (the hard case: the picture is almost still). */
  calm?: boolean;
}

export type Segment = (SlideSegment | CameraSegment) & { into?: Transition };

export interface VideoSpec {
  name: string;
  /** What the video exercises, printed next to its score. */
  about: string;
  theme: 'light' | 'dark';
  segments: Segment[];
  /** Slide area scaled into the left part, a speaker camera box on the right. */
  pictureInPicture?: boolean;
  /** Brightness and contrast wobble plus grain, and heavy compression. */
  flicker?: boolean;
  /** x264 CRF of the final encode. */
  crf: number;
}

const s = (
  id: string,
  title: string,
  bullets: string[],
  seconds = 6,
  extra: Partial<SlideSegment> = {},
): Segment => ({
  kind: 'slide',
  id,
  title,
  bullets,
  seconds,
  ...extra,
});
const cam = (seconds: number, calm = false): Segment => ({ kind: 'camera', seconds, calm });
const via = (into: Transition, seg: Segment): Segment => ({ ...seg, into });

const deck = [
  s('intro', 'Scaling Event Pipelines', ['Lessons from two years in production', 'Jane Doe - Platform Team']),
  s('agenda', 'Agenda', [
    'Why we moved off batch jobs',
    'Backpressure, retries, ordering',
    'What we would do again',
  ]),
  s('arch', 'Architecture Overview', [
    'Producers write to a partitioned log',
    'Stateless workers consume in groups',
    'Results land in a columnar store',
  ]),
  s('numbers', 'By the Numbers', [
    'Peak ingest 1.2 million events per second',
    '99th percentile latency 180 ms',
    'Three regions, active-active',
  ]),
  s('lessons', 'Lessons Learned', [
    'Idempotency beats exactly-once',
    'Measure consumer lag, not CPU',
    'Small partitions rebalance faster',
  ]),
  s('next', 'What Comes Next', [
    'Tiered storage for cold partitions',
    'Schema registry everywhere',
    'Cost dashboards per team',
  ]),
  s('thanks', 'Thank You', ['Questions?', 'slides at example.org/pipelines']),
];
const [intro, agenda, arch, numbers, lessons, next, thanks] = deck as [
  Segment,
  Segment,
  Segment,
  Segment,
  Segment,
  Segment,
  Segment,
];

export const corpus: VideoSpec[] = [
  { name: 'cuts', about: 'hard cuts between slides', theme: 'light', crf: 26, segments: deck },
  {
    name: 'crossfades',
    about: 'fades, dissolves and wipes of 1-1.5 s',
    theme: 'light',
    crf: 26,
    segments: [
      intro,
      via('fade', agenda),
      via('dissolve', arch),
      via('wipeleft', numbers),
      via('fade', lessons),
      via('dissolve', next),
    ],
  },
  {
    name: 'builds',
    about: 'bullets appearing one by one (capture the final build only)',
    theme: 'light',
    crf: 26,
    segments: [
      intro,
      s('b1', 'Three Rules', ['One writer per partition'], 5, { partialBuild: true }),
      s('b1', 'Three Rules', ['One writer per partition', 'Retries must be idempotent'], 5, {
        partialBuild: true,
      }),
      s('b1', 'Three Rules', [
        'One writer per partition',
        'Retries must be idempotent',
        'Alert on lag, not errors',
      ]),
      arch,
      via('fade', s('b2', 'Rollout Plan', ['Shadow traffic first'], 5, { partialBuild: true })),
      s('b2', 'Rollout Plan', ['Shadow traffic first', 'Then one region at a time']),
      thanks,
    ],
  },
  {
    name: 'small-changes',
    about: 'consecutive slides that differ by one number or word',
    theme: 'light',
    crf: 26,
    segments: [
      s('q1', 'Quarterly Results', ['Revenue grew 12 percent', 'Churn held at 3 percent']),
      s('q2', 'Quarterly Results', ['Revenue grew 17 percent', 'Churn held at 3 percent']),
      s('q3', 'Quarterly Results', ['Revenue grew 17 percent', 'Churn held at 8 percent']),
      s('st1', 'Step 1 of 3', ['Provision the cluster']),
      s('st2', 'Step 2 of 3', ['Provision the cluster']),
      s('w1', 'Prefer pull over push', ['for internal services']),
      s('w2', 'Prefer push over pull', ['for internal services']),
    ],
  },
  {
    name: 'camera',
    about: 'speaker-camera shots between slides, one with a calm speaker',
    theme: 'light',
    crf: 26,
    segments: [
      intro,
      cam(8),
      agenda,
      cam(8, true),
      agenda,
      arch,
      via('fade', cam(6)),
      via('fade', numbers),
      cam(6, true),
      lessons,
    ],
  },
  {
    name: 'returns',
    about: 'going back to slides shown before (no second capture)',
    theme: 'light',
    crf: 26,
    segments: [intro, agenda, arch, agenda, numbers, intro, via('fade', lessons), via('fade', arch)],
  },
  {
    name: 'pip',
    about: 'picture-in-picture: slide area plus a speaker camera box',
    theme: 'light',
    crf: 26,
    pictureInPicture: true,
    segments: [intro, agenda, arch, via('fade', numbers), lessons, next],
  },
  {
    name: 'embedded-video',
    about: 'a demo video playing inside some slides',
    theme: 'light',
    crf: 26,
    segments: [
      intro,
      s('demo1', 'Live Demo', ['Watch the consumer lag'], 9, { embeddedVideo: true }),
      arch,
      s('demo2', 'Failover Demo', ['Region two takes over'], 9, { embeddedVideo: true }),
      s('demo3', 'Failover Demo', ['Region three takes over'], 9, { embeddedVideo: true }),
      thanks,
    ],
  },
  {
    name: 'flicker-noise',
    about: 'brightness flicker, grain and heavy compression',
    theme: 'light',
    crf: 34,
    flicker: true,
    segments: [intro, agenda, via('fade', arch), numbers, via('dissolve', lessons), next],
  },
  {
    name: 'dark-deck',
    about: 'dark slides with grey text, a small change and a build',
    theme: 'dark',
    crf: 28,
    segments: [
      intro,
      agenda,
      s('d1', 'Error Budget', ['Remaining this month 42 minutes']),
      s('d2', 'Error Budget', ['Remaining this month 47 minutes']),
      via('fade', s('db', 'Takeaways', ['Keep partitions small'], 5, { partialBuild: true })),
      s('db', 'Takeaways', ['Keep partitions small', 'Watch the lag']),
      numbers,
    ],
  },
];
