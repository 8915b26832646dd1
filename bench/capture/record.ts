// The capture bench's figures for BENCHMARKS.md, kept apart from its browser-driving code: what
// each measurement is judged against, and what would fix it when it misses its budget.
import { count, startBench, stats } from '../results';
import type { DurabilityTimes } from './durability';

/** One page load, from navigation start (ms): the content script's own marks and DOMContentLoaded. */
export interface ReadyTimes {
  start: number;
  panel: number;
  domContentLoaded: number;
}

export interface IdleCost {
  cpuMsPer5s: number;
  scriptMsPer5s: number;
}

export function captureRecorder() {
  const bench = startBench(
    'capture',
    'Slide capture and the content script in headless Chromium (test build of the extension)',
  );
  return {
    contentSize(gzipBytes: number, minifiedBytes: number): void {
      bench.add({
        id: 'content-size',
        name: 'content script, minified + gzipped (production build)',
        unit: 'KB',
        values: [gzipBytes / 1024],
        over: 'the build (exact)',
        budget: 'content-size',
        fix: (f) =>
          `The content script is ${f.value.toFixed(1)} KB gzipped (${(minifiedBytes / 1024).toFixed(0)} KB minified): ` +
          'load the panel (Preact views) as a separate chunk on first use and keep only the site adapter and keys in the entry.',
      });
    },
    /**
     * One capture series at a resolution, from the same key presses: the thumbnail on screen
     * (judged by the budget) and the slide confirmed stored, each next to drawImage + JPEG alone.
     */
    capture(
      quality: string,
      shown: number[],
      stored: number[],
      bare: number[],
      bareDrawn: number[],
      stages: { drawn: number[]; checked: number[]; pending: number[]; encoded: number[] },
    ): void {
      const at = (xs: number[]) => `${stats(xs).median.toFixed(0)} ms`;
      const breakdown =
        `From the key press (p50): frame drawn ${at(stages.drawn)} (the bare draw alone: ${at(bareDrawn)}), ` +
        `its small copy made and checked ${at(stages.checked)}, in the panel marked as saving ${at(stages.pending)}, ` +
        `thumbnail shown ${at(shown)} (the next painted frame); encoded ${at(stages.encoded)}.`;
      const reference = { name: 'bare drawImage + JPEG encode of the same frame', values: bare };
      bench.add({
        id: `capture-${quality}`,
        name: `${quality}: key press → the slide's thumbnail shown (the drawn frame, marked as saving until stored)`,
        unit: 'ms',
        values: shown,
        over: count(shown.length, 'capture'),
        reference,
        budget: 'capture-p50',
        fix: (f) =>
          `The thumbnail shows ${(f.value - (f.reference?.value ?? 0)).toFixed(0)} ms later than a bare draw + encode ` +
          `finishes. ${breakdown} The thumbnail is the frame's small canvas copy, shown before the encode: what is ` +
          'left in the wait is the draw of the video frame (compare it with the bare draw) and the frame the page ' +
          'paints it in. If the draw itself is slower than the bare one, profile what runs before it on the key press.',
        note:
          `p95 ${stats(shown).p95.toFixed(1)} ms, bare p95 ${stats(bare).p95.toFixed(1)} ms. ${breakdown} ` +
          'The thumbnail is the frame as drawn (a 480 px wide canvas copy), not yet encoded; the stored figure ' +
          'below waits for the encoded picture.',
      });
      // The encode as the capture meets it (from the slide in the panel to encoded: it starts just
      // before) and as the bare reference does, per key press / per run, medians.
      const encode = stats(stages.encoded.map((e, i) => e - (stages.pending[i] ?? Number.NaN))).median;
      const bareEncode = stats(bare.map((b, i) => b - (bareDrawn[i] ?? Number.NaN))).median;
      bench.add({
        id: `capture-stored-${quality}`,
        name: `${quality}: key press → the slide stored (a saved slide in the panel, its encoded picture loaded)`,
        unit: 'ms',
        values: stored,
        over: count(stored.length, 'capture'),
        reference,
        note:
          `Same key presses as the thumbnail figure; p95 ${stats(stored).p95.toFixed(1)} ms. ` +
          `The encode ends ${at(stages.encoded)} from the key press, ${encode.toFixed(0)} ms after the slide is in ` +
          `the panel, where the bare encode alone takes ${bareEncode.toFixed(0)} ms: the browser encodes on the ` +
          "page's main thread, after the panel's update (the new row rendered and painted) that shows the " +
          'thumbnail early. Past the encode: the Blob sent to the background in one message, the IndexedDB write, ' +
          'and the saved row with the stored picture loaded.',
      });
    },
    /** The content script's own time to ready, and apart from it the wait before it runs at all. */
    ready(loads: ReadyTimes[]): void {
      const own = loads.map((l) => l.panel - l.start);
      const injected = loads.map((l) => l.start - l.domContentLoaded);
      bench.add({
        id: 'content-ready',
        name: 'content script ready: its first line → panel toolbar rendered in the page',
        unit: 'ms',
        values: own,
        over: count(loads.length, 'page load'),
        budget: 'content-ready',
        fix: (f) =>
          `From its first line to the toolbar in the page the content script takes ${f.value.toFixed(0)} ms ` +
          '(test build: not minified, inline source map): profile the start-up (module evaluation, the first ' +
          'render) and defer what the toolbar does not need.',
        note:
          'Read from performance.mark()s the test build makes (talkmark:start as the script starts, ' +
          'talkmark:panel when the panel is rendered); the wait before Chromium injects the script is the next figure.',
      });
      bench.add({
        id: 'content-injection',
        name: 'content script injection: DOMContentLoaded → its first line (the browser’s wait, not the script’s work)',
        unit: 'ms',
        values: injected,
        over: count(loads.length, 'page load'),
        note: 'Negative when the script starts before DOMContentLoaded has finished (run_at document_end).',
      });
    },
    /** The store's choice ('strict', src/store/index.ts) next to Chromium's default, same run, paired. */
    durability(t: DurabilityTimes): void {
      const note =
        "Runs alternate between the two; 'strict' is what the store uses (an IndexedDB commit reported " +
        "only once on disk), 'relaxed' is Chromium's default. The profile is on disk, so the flush is paid.";
      bench.add({
        id: 'save-note-strict',
        name: "note save through the background (message → stored → answer), durability 'strict'",
        unit: 'ms',
        values: t.save.strict,
        over: count(t.save.strict.length, 'save'),
        reference: { name: "the same save, durability 'relaxed'", values: t.save.relaxed },
        paired: true,
        note,
      });
      bench.add({
        id: 'save-note-copy',
        name: 'note save through the background, with the safety copy in storage.local (as shipped)',
        unit: 'ms',
        values: t.save.strict,
        over: count(t.save.strict.length, 'save'),
        reference: { name: 'the same save without the copy', values: t.save['strict-no-copy'] },
        paired: true,
        note:
          'Both strict; the three store set-ups run in rotation. The copy is written after the save ' +
          'has answered, so this is what it costs the save beside it.',
      });
      bench.add({
        id: 'copy-lag',
        name: 'note save sent → the safety copy holds its text',
        unit: 'ms',
        values: t.copyLag,
        over: count(t.copyLag.length, 'save'),
        note: 'How far the copy outside IndexedDB is behind a save (read back from storage.local by polling).',
      });
      bench.add({
        id: 'capture-stored-strict',
        name: "720p: key press → slide stored, durability 'strict'",
        unit: 'ms',
        values: t.capture.strict,
        over: count(t.capture.strict.length, 'capture'),
        reference: { name: "the same capture, durability 'relaxed'", values: t.capture.relaxed },
        paired: true,
        note,
      });
    },
    idle(withUs: IdleCost, without: IdleCost): void {
      bench.add({
        id: 'idle-cpu',
        name: 'main-thread task time over 5 s on a page without video, with the content script',
        unit: 'ms',
        values: [withUs.cpuMsPer5s],
        over: 'one 5 s window',
        reference: {
          name: 'the same page where the content script does not run',
          values: [without.cpuMsPer5s],
        },
      });
    },
    write: () => {
      bench.notes.push(
        'Auto-capture CPU on a playing 1080p video (budget: 2% of one core) is bench:auto-capture’s figure; ' +
          'the idle figure here is the content script on a page without video.',
      );
      return bench.write();
    },
  };
}
