// The "first complete view is on screen" marker a page sets for the benchmark and the tests
// (data-painted on <html>, the page's performance.now()): set in a task queued from the next
// animation frame, i.e. once the frame that draws the view has been painted, not when the DOM
// was merely updated. Set once per page load.

export function markPainted(doc: Document = document): void {
  const root = doc.documentElement;
  if (root.dataset.painted) return;
  const mark = () => {
    root.dataset.painted ??= String(performance.now());
  };
  // A hidden page draws no frames: there the DOM being ready is all there is.
  if (doc.visibilityState !== 'visible') mark();
  else requestAnimationFrame(() => setTimeout(mark));
}
