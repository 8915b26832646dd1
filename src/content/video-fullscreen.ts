// When the fullscreen element is a bare <video> (its native controls, or a page script calling
// video.requestFullscreen()), the panel can't go inside it: a <video> renders no children. On a
// real key press that needs the panel, fullscreen moves to the video's parent instead, with the
// video made to fill the screen by inline styles that are put back exactly when that fullscreen
// ends. The video element never moves in the DOM, so playback and the page's own references to it
// are untouched. Without a user activation (a browser command, which the page never sees as a
// key) the browser refuses a new fullscreen request: then fullscreen is only left, so the panel
// shows in the page, and the session says why.
import type { KeyAction } from './keys';

/** The actions that need the panel on screen; a capture or the auto-capture switch don't. */
const needPanel: ReadonlySet<KeyAction> = new Set(['add-note', 'quote-caption', 'toggle-panel']);

/** True when `action` needs the panel and the fullscreen element is a bare <video> (no room for it). */
export function needsSwitch(action: KeyAction, fullscreen: Element | null): boolean {
  return fullscreen !== null && fullscreen.tagName === 'VIDEO' && needPanel.has(action);
}

/**
 * True when the fullscreen we made is over: nothing is fullscreen, or something other than the
 * wrapper is (the video itself above the wrapper is still ours: leaving it lands on the wrapper).
 */
export function switchEnded(fullscreen: Element | null, wrapper: Element, video: Element): boolean {
  return fullscreen === null || (fullscreen !== wrapper && fullscreen !== video);
}

/** What makes the video fill its fullscreen parent: longhands only, so each one restores alone. */
export const fillDeclarations: ReadonlyArray<readonly [string, string]> = [
  ['position', 'fixed'],
  ['top', '0px'],
  ['right', '0px'],
  ['bottom', '0px'],
  ['left', '0px'],
  ['width', '100%'],
  ['height', '100%'],
  ['min-width', '0px'],
  ['min-height', '0px'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['margin-top', '0px'],
  ['margin-right', '0px'],
  ['margin-bottom', '0px'],
  ['margin-left', '0px'],
  ['box-sizing', 'border-box'],
  ['transform', 'none'],
  ['object-fit', 'contain'],
  ['background-color', 'black'],
  // Over the page's own content inside the parent, under the panel (2147483000).
  ['z-index', '2147482999'],
];

type Styled = Pick<Element, 'getAttribute' | 'setAttribute' | 'removeAttribute'> & {
  style: Pick<
    CSSStyleDeclaration,
    'getPropertyValue' | 'getPropertyPriority' | 'setProperty' | 'removeProperty'
  >;
};

export interface SavedStyle {
  /** The style attribute before (null: there was none). */
  attr: string | null;
  /** The style attribute as we left it: if it still reads so, the saved one goes back whole. */
  applied: string | null;
  /** Per property: the page's value and priority before, and the value we set. */
  props: Array<{ name: string; value: string; priority: string; ours: string }>;
}

/** Makes `el` fill the screen with inline !important declarations; returns what to put back. */
export function fillScreen(el: Styled): SavedStyle {
  const attr = el.getAttribute('style');
  const props = fillDeclarations.map(([name, value]) => {
    const before = {
      name,
      value: el.style.getPropertyValue(name),
      priority: el.style.getPropertyPriority(name),
    };
    el.style.setProperty(name, value, 'important');
    return { ...before, ours: el.style.getPropertyValue(name) };
  });
  return { attr, applied: el.getAttribute('style'), props };
}

/**
 * Puts the inline style back. Untouched since we set it: the saved attribute, character for
 * character. Changed by the page meanwhile: only our declarations are undone, and only where
 * they are still ours, so the page's own changes stay.
 */
export function restoreStyle(el: Styled, saved: SavedStyle): void {
  const now = el.getAttribute('style');
  if (now === saved.applied) {
    if (saved.attr === null) el.removeAttribute('style');
    else el.setAttribute('style', saved.attr);
    return;
  }
  for (const p of saved.props) {
    if (el.style.getPropertyValue(p.name) !== p.ours) continue;
    if (p.value) el.style.setProperty(p.name, p.value, p.priority);
    else el.style.removeProperty(p.name);
  }
  if (saved.attr === null && el.getAttribute('style') === '') el.removeAttribute('style');
}

/** How a switch went: fullscreen now on the wrapper, or left (see `reason`). */
export type SwitchResult =
  | { how: 'switched' }
  | { how: 'left'; reason: 'no-activation' | 'no-wrapper' | 'refused' };

export interface VideoFullscreen {
  /** Moves fullscreen off the bare <video> so the panel can show: over the video, or in the page. */
  makeRoom(video: HTMLVideoElement): Promise<SwitchResult>;
}

export function makeVideoFullscreen(doc: Document, signal: AbortSignal): VideoFullscreen {
  const win = doc.defaultView;
  let active: {
    wrapper: Element;
    video: HTMLVideoElement;
    saved: SavedStyle;
    /** The page's scroll position: a fullscreen parent (often <body>) takes it to the top. */
    scroll: [number, number];
  } | null = null;
  let running: Promise<SwitchResult> | null = null;

  // Where the page was scrolled when nothing was fullscreen: a fullscreen <video> (Chromium) or
  // parent (both browsers) takes the page to its top, and the browser only knows to put back
  // what it saw when its own fullscreen began.
  let pageScroll: [number, number] = [win?.scrollX ?? 0, win?.scrollY ?? 0];
  win?.addEventListener(
    'scroll',
    () => {
      if (!doc.fullscreenElement) pageScroll = [win.scrollX, win.scrollY];
    },
    { passive: true, signal },
  );
  const scrollBack = (left: number, top: number) => {
    if (win && (win.scrollX !== left || win.scrollY !== top))
      win.scrollTo({ left, top, behavior: 'instant' });
  };

  const end = () => {
    if (!active) return;
    restoreStyle(active.video, active.saved);
    const [left, top] = active.scroll;
    active = null;
    scrollBack(left, top);
    // Chromium puts back its own idea of the position once the change is painted: ours wins.
    win?.requestAnimationFrame(() => scrollBack(left, top));
  };
  const onChange = () => {
    if (active && switchEnded(doc.fullscreenElement, active.wrapper, active.video)) end();
  };
  doc.addEventListener('fullscreenchange', onChange, { signal });
  signal.addEventListener('abort', end, { once: true });

  const run = async (video: HTMLVideoElement): Promise<SwitchResult> => {
    // Only a parent in the page's own tree: a shadow host would not render our panel inside it.
    const wrapper = video.getRootNode() === doc ? video.parentElement : null;
    // Firefox's and Chromium's navigator.userActivation; where missing, the request says.
    const activation = (win?.navigator as { userActivation?: { isActive: boolean } } | undefined)
      ?.userActivation?.isActive;
    const enter = wrapper !== null && activation !== false;
    // Styled before leaving: the video's own fullscreen hides them, and the first frame of the
    // parent's fullscreen already shows the video filling the screen.
    const saved = enter ? fillScreen(video) : null;
    const scroll = pageScroll;
    await doc.exitFullscreen().catch(() => undefined);
    const left = (reason: 'no-activation' | 'no-wrapper' | 'refused'): SwitchResult => {
      if (saved) restoreStyle(video, saved);
      // Out of fullscreen, the page is where the user left it.
      if (!doc.fullscreenElement) {
        scrollBack(...scroll);
        win?.requestAnimationFrame(() => scrollBack(...scroll));
      }
      return { how: 'left', reason };
    };
    if (!wrapper) return left('no-wrapper');
    if (!enter || !saved) return left('no-activation');
    // The video was fullscreen above the wrapper (nested): leaving it landed on the wrapper.
    if (doc.fullscreenElement === wrapper) {
      active = { wrapper, video, saved, scroll };
      return { how: 'switched' };
    }
    if (doc.fullscreenElement !== null) return left('refused');
    try {
      await wrapper.requestFullscreen();
    } catch {
      return left('refused');
    }
    active = { wrapper, video, saved, scroll };
    // The page (or the user) may have left again before the promise settled.
    onChange();
    return active ? { how: 'switched' } : { how: 'left', reason: 'refused' };
  };

  return {
    makeRoom(video) {
      // Two presses in a row make one switch; both actions follow it.
      running ??= run(video).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
