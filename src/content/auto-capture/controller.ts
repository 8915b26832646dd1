// Auto-capture for the talk on the page: the per-talk switch and slide area (prefs.ts), the
// detector seeded with the talk's stored slides, the sampling loop (sampler.ts) and the saving
// of what it finds (captures.ts). One run per talk, tied to the session's AbortSignal: a new
// video, a page without a talk or the end of the session stops its timer and listeners.
import type { TalkView } from '../../core/messages';
import type { TalkId } from '../../core/model';
import {
  createSlideDetector,
  type LumaFrame,
  phash,
  type SlideDetector,
  slideDefaults,
} from '../../core/slides';
import { cropRegion } from '../../core/slides/frame-ops';
import type { Sensitivity } from '../../ui/settings';
import { AutoSlides, type CaptureDeps } from './captures';
import { wholeFrame } from './crop-geometry';
import { type CropChoice, pickCropArea } from './crop-overlay';
import { LumaReader, Unreadable } from './luma';
import { loadPrefs, type PrefsArea, savePrefs, type TalkPrefs } from './prefs';
import { startSampling } from './sampler';

export interface AutoCaptureDeps extends CaptureDeps {
  prefs: PrefsArea;
  signal: AbortSignal;
}

export interface AutoCapture {
  /** The talk now open on this video: its switch is read, and sampling starts if it is on. */
  attach(view: TalkView, video: HTMLVideoElement): void;
  /** No talk any more (another video is opening, or the page has none). */
  detach(): void;
  toggle(): void;
  pickArea(): void;
  /** The shared settings changed: a new sensitivity takes effect at once. */
  settingsChanged(): void;
  /**
   * Perceptual hash of a slide captured by hand, which auto-capture then never takes again: of
   * `drawn`, the capture's own canvas, when there is one, else of the frame on screen; undefined
   * when the frame can't be read.
   */
  manualHash(drawn?: HTMLCanvasElement): string | undefined;
}

/**
 * How long news of a switch stays (ms): the buttons keep showing the state (pressed while on),
 * so the words need only be there long enough to read.
 */
const NEWS_MS = 6000;

export const sensitivityValue: Record<Sensitivity, number> = { low: 0.3, normal: 0.5, high: 0.7 };

interface Run {
  talkId: TalkId;
  video: HTMLVideoElement;
  life: AbortController;
  prefs: TalkPrefs;
  /** Hashes of every slide the talk has: stored ones, and those captured since. */
  hashes: string[];
  /** Slides captured by hand since the talk opened, as the detector sees them (for a new detector). */
  manual: Array<{ hash: string; frame: LumaFrame }>;
  detector: SlideDetector | null;
  sensitivity: number;
  sampling: AbortController | null;
  slides: AutoSlides;
  /** Why the frames can't be read, once sampling found out. */
  blocked: string | null;
  picking: boolean;
  /** Settles once the stored switch and hashes are in: a toggle before that waits for them. */
  ready: Promise<void>;
}

export function makeAutoCapture(d: AutoCaptureDeps): AutoCapture {
  const reader = new LumaReader(slideDefaults.width, slideDefaults.height);
  let run: Run | null = null;

  const sensitivity = () =>
    sensitivityValue[d.settings().autoCaptureSensitivity] ?? slideDefaults.sensitivity;
  const show = (r: Run) => d.ctx.set({ auto: { on: r.prefs.on, area: r.prefs.crop !== null } });

  const detectorOf = (r: Run): SlideDetector => {
    if (!r.detector || r.sensitivity !== sensitivity()) {
      r.sensitivity = sensitivity();
      r.detector = createSlideDetector({
        sensitivity: r.sensitivity,
        crop: r.prefs.crop,
        knownHashes: r.hashes,
      });
      for (const m of r.manual) r.detector.remember(m.hash, m.frame);
    }
    return r.detector;
  };

  const stopSampling = (r: Run) => {
    r.sampling?.abort();
    r.sampling = null;
  };

  const startRun = (r: Run) => {
    if (r.sampling || !r.prefs.on || r.blocked || r.life.signal.aborted) return;
    const detector = detectorOf(r);
    detector.reset();
    r.sampling = new AbortController();
    const signal = AbortSignal.any([r.sampling.signal, r.life.signal]);
    startSampling(
      {
        video: r.video,
        doc: d.doc,
        fps: slideDefaults.sampleFps,
        read: (v) => reader.sample(v),
        isAd: () => d.adapter.isAdPlaying(d.doc),
        onFrame(frame) {
          const event = detectorOf(r).push(frame);
          if (!event) return;
          r.hashes.push(event.phash);
          r.slides.add(event);
        },
        onBreak: () => r.detector?.reset(),
        onUnreadable(reason) {
          r.blocked = reason;
          stopSampling(r);
          d.ctx.fail(`Auto-capture can’t run on this video: ${reason}. Press s to capture slides by hand.`);
        },
      },
      signal,
    );
  };

  const persist = (r: Run) =>
    void savePrefs(d.prefs, r.talkId, r.prefs).then((saved) => {
      if (!saved)
        d.ctx.fail('Auto-capture’s setting for this talk could not be saved; it applies until you leave.');
    });

  const detach = () => {
    run?.life.abort();
    run = null;
    d.ctx.set({ auto: { on: false, area: false } });
  };

  const attach = (view: TalkView, video: HTMLVideoElement) => {
    if (run && run.talkId === view.talk.id && run.video === video) return;
    detach();
    const life = new AbortController();
    d.signal.addEventListener('abort', () => life.abort(), { once: true, signal: life.signal });
    const r: Run = {
      talkId: view.talk.id,
      video,
      life,
      prefs: { on: false, crop: null },
      hashes: [],
      manual: [],
      detector: null,
      sensitivity: sensitivity(),
      sampling: null,
      slides: new AutoSlides(d, view.talk.id, video, life.signal),
      blocked: null,
      picking: false,
      ready: Promise.resolve(),
    };
    run = r;
    r.ready = Promise.all([
      loadPrefs(d.prefs, r.talkId),
      d.api.call('slideHashes', { talkId: r.talkId }),
    ]).then(([prefs, hashes]) => {
      if (run !== r || life.signal.aborted) return;
      r.prefs = prefs;
      // Without the stored hashes a return to an earlier slide would be captured again; still
      // better to run than not (the user turned it on).
      if (hashes.ok) r.hashes.push(...hashes.value);
      show(r);
      startRun(r);
    });
  };

  /** Runs `act` on the talk's run once its stored state is in, unless an ad plays or it's gone. */
  const withRun = (act: (r: Run) => void) => {
    const r = run;
    if (!r) return d.ctx.fail('Talkmark is still opening this talk.');
    if (d.adapter.isAdPlaying(d.doc)) return d.ctx.fail('An ad is playing: Talkmark waits for the talk.');
    void r.ready.then(() => {
      if (run === r) act(r);
    });
  };

  const setCrop = (r: Run, choice: CropChoice) => {
    if (choice === null) return;
    r.prefs = { ...r.prefs, crop: choice === 'whole' ? null : choice };
    // Hashes of the old area don't describe the new one's pictures: a fresh detector.
    r.detector = null;
    persist(r);
    show(r);
    d.ctx.set({
      notice: {
        kind: 'info',
        expiresIn: NEWS_MS,
        text: r.prefs.crop
          ? 'Auto-capture now looks only at the slide area you set.'
          : 'Auto-capture looks at the whole frame again.',
      },
    });
    if (r.sampling) {
      stopSampling(r);
      startRun(r);
    }
  };

  return {
    attach,
    detach,
    toggle: () =>
      withRun((r) => {
        if (r.blocked) return d.ctx.fail(`Auto-capture can’t run on this video: ${r.blocked}.`);
        r.prefs = { ...r.prefs, on: !r.prefs.on };
        persist(r);
        show(r);
        if (r.prefs.on) startRun(r);
        else stopSampling(r);
        d.ctx.set({
          notice: {
            kind: 'info',
            expiresIn: NEWS_MS,
            text: r.prefs.on
              ? 'Auto-capture is on: each new slide is captured once it has settled (a turns it off).'
              : 'Auto-capture is off for this talk.',
          },
        });
      }),
    pickArea: () =>
      withRun((r) => {
        if (r.picking) return;
        r.picking = true;
        void pickCropArea(r.video, r.prefs.crop ?? wholeFrame, r.life.signal).then((choice) => {
          r.picking = false;
          if (run === r) setCrop(r, choice);
        });
      }),
    settingsChanged() {
      if (run?.detector && run.sensitivity !== sensitivity()) run.detector = null;
    },
    manualHash(drawn) {
      const r = run;
      if (!r) return undefined;
      try {
        const frame = drawn ? reader.readFrom(drawn, r.video.currentTime) : reader.read(r.video);
        const region = cropRegion(frame, r.prefs.crop);
        const hash = phash(region);
        r.hashes.push(hash);
        const register = (f: LumaFrame) => {
          r.manual.push({ hash, frame: f });
          r.detector?.remember(hash, f);
        };
        register(frame);
        // Also as the sampling loop reads frames (Chromium's row copies scale differently from a
        // canvas), so the pixel comparison holds whichever way the next frames are read.
        void reader.sample(r.video).then(
          (f) => register({ ...f, data: f.data.slice() }),
          () => undefined,
        );
        return hash;
      } catch (e) {
        if (e instanceof Unreadable) return undefined;
        throw e;
      }
    },
  };
}
