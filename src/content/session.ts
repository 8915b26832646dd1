// One page's Talkmark session: finds the talk video, keeps the panel in step with the
// store, and turns keys and buttons into notes. Re-attaches when the page navigates to
// another video without reloading, so notes always land in the talk now playing.
import type { PageVideo, TabEvent, TalkView } from '../core/messages';
import { makeAutoCapture } from './auto-capture/controller';
import { memoryArea, type PrefsArea } from './auto-capture/prefs';
import { type CallApi, makeContext } from './context';
import { makeJoining } from './joining';
import { defaultKeys, type KeyAction, listenForKeys } from './keys';
import { type MountedPanel, mountPanel } from './panel/mount';
import { overlayCovers, panelLayout, sameLayout } from './panel/placement';
import { initialPanelState } from './panel/types';
import { makeActions } from './panel-actions';
import { defaultSettings, type Settings } from './settings';
import type { SiteAdapter } from './sites/types';
import { makeSlideTextNotice } from './slide-text-notice';
import { Thumbs } from './thumbs';
import { makeVideoFullscreen, needsSwitch, type SwitchResult } from './video-fullscreen';
import { makeWriting } from './writing';

export interface Session {
  handle(event: TabEvent): void;
  setSettings(s: Settings): void;
  stop(): void;
}

export function startSession(
  doc: Document,
  adapter: SiteAdapter,
  rawApi: CallApi,
  /** Where auto-capture keeps its per-talk switch (browser.storage.local in the extension). */
  prefs: PrefsArea = memoryArea(),
): Session {
  const life = new AbortController();
  const signal = life.signal;
  let panel: MountedPanel | null = null;
  let video: HTMLVideoElement | null = null;
  let settings: Settings = defaultSettings;
  const ctx = makeContext(initialPanelState, (s) => panel?.update(s));
  const joining = makeJoining(rawApi, (joined) => {
    // The first note added the talk to its post: the panel shows the stored talk from now on.
    const view = ctx.get().view;
    if (view && view.talk.videoId === joined.talk.videoId && view.talk.site === joined.talk.site)
      ctx.set({ view: { ...joined, notes: view.notes.filter((n) => n.talkId === joined.talk.id) } });
  });
  const api = joining.api;
  const thumbs = new Thumbs(
    (id) => api.call('getImage', { id }),
    (t) => ctx.set({ thumbs: t }),
  );
  const slideText = makeSlideTextNotice(ctx, rawApi);
  const auto = makeAutoCapture({ ctx, api, thumbs, doc, adapter, settings: () => settings, prefs, signal });
  /** Set when we paused the video for typing, so we (and only we) play it again. */
  let pausedForTyping = false;
  const writing = makeWriting(ctx, api, {
    draftDone() {
      if (pausedForTyping && video?.paused) void video.play().catch(() => undefined);
      pausedForTyping = false;
    },
  });
  /** Bumped on every attach: a slow reply for an earlier video is dropped. */
  let generation = 0;
  let opening: string | null = null;
  /** The title the page showed for the previous video: YouTube swaps the URL before the title. */
  let previousTitle: string | null = null;
  let collapsedBeforeFullscreen: boolean | null = null;

  const place = () => {
    if (!panel) return;
    const mode = panel.place(adapter.dockTarget(doc));
    const win = doc.defaultView;
    const layout = panelLayout(
      mode,
      video?.getBoundingClientRect() ?? null,
      win?.innerWidth ?? 0,
      win?.innerHeight ?? 0,
    );
    const now = ctx.get();
    if (mode !== now.mode || !sameLayout(layout, now.layout)) ctx.set({ mode, layout });
  };

  const usable = (): TalkView | null => {
    if (adapter.isAdPlaying(doc)) {
      ctx.fail('An ad is playing: Talkmark waits for the talk.');
      return null;
    }
    const view = ctx.get().view;
    if (!view) ctx.fail(ctx.get().status || 'Talkmark is still opening this talk.');
    return view;
  };

  const actions = makeActions({
    ctx,
    api,
    writing,
    thumbs,
    doc,
    adapter,
    usable,
    video: () => video,
    settings: () => settings,
    reopen: () => void attach(true),
    auto,
    slideText,
    beforeTyping() {
      if (settings.pauseWhileTyping && video && !video.paused) {
        video.pause();
        pausedForTyping = true;
      }
    },
  });

  const videoFullscreen = makeVideoFullscreen(doc, signal);

  /** Why the panel shows in the page and not over the fullscreen video. */
  const leftFullscreen = (r: SwitchResult) => {
    if (r.how === 'switched') return;
    const why =
      r.reason === 'no-activation'
        ? 'the browser keeps fullscreen with the panel only for a key pressed on the page (N, Q or H), not for a browser shortcut.'
        : 'this video was fullscreen on its own, which leaves no room for the panel.';
    ctx.set({ notice: { text: `Talkmark left fullscreen to show its panel: ${why}`, kind: 'info' } });
  };

  const onKey = (action: KeyAction) => {
    const full = doc.fullscreenElement;
    if (video && needsSwitch(action, full)) {
      // A bare <video> is fullscreen: make room for the panel first (this press's user activation
      // allows the new fullscreen), then act at the moment of the key press.
      const at = video.currentTime;
      void videoFullscreen.makeRoom(full as HTMLVideoElement).then((r) => {
        if (!panel || signal.aborted) return;
        onFullscreen();
        if (action === 'add-note') actions.noteAt(at);
        else if (action === 'quote-caption') actions.quoteAt(at);
        else ctx.set({ collapsed: false });
        leftFullscreen(r);
      });
      return;
    }
    if (action === 'add-note') actions.newNote();
    else if (action === 'capture-slide') actions.captureSlide();
    else if (action === 'quote-caption') actions.quoteCaption();
    else if (action === 'toggle-auto-capture') actions.toggleAutoCapture();
    else actions.toggleCollapsed();
  };

  const mount = (found: HTMLVideoElement) => {
    panel = mountPanel(doc, actions, ctx.get());
    place();
    // Asked when a panel appears, not by every frame the script runs in.
    slideText.check();
    if (ctx.get().mode === 'overlay') {
      const r = found.getBoundingClientRect();
      const win = doc.defaultView;
      // A video as wide as the window (an embed, a theatre layout): start folded to the tab.
      if (overlayCovers(r, win?.innerWidth ?? 0, win?.innerHeight ?? 0)) ctx.set({ collapsed: true });
    }
  };

  const open = async (info: PageVideo, gen: number) => {
    opening = info.videoId;
    const r = await api.call('openTalk', info);
    if (gen !== generation) return;
    opening = null;
    if (!r.ok) {
      ctx.set({ status: `Talkmark can’t take notes here: ${r.error}` });
      return;
    }
    joining.opened(r.value, info);
    ctx.set({ view: r.value, status: '' });
    thumbs.ensure(r.value.notes);
    if (video) auto.attach(r.value, video);
  };

  /** YouTube fills in the new title a little after the URL changes: read it again until it has. */
  const awaitTitle = (stale: string, videoId: string, gen: number, tries = 0) => {
    const timer = setTimeout(() => {
      if (gen !== generation || signal.aborted || !video) return;
      const info = adapter.readVideo(doc, video);
      if (info.videoId !== videoId) return;
      if (info.title && info.title !== stale) {
        previousTitle = info.title;
        void open(info, gen);
      } else if (tries < 40) awaitTitle(stale, videoId, gen, tries + 1);
    }, 250);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  };

  const attach = async (force = false) => {
    if (!adapter.hasTalk(doc)) {
      // Left the watch page (YouTube's home, search): the panel goes until a talk is back.
      if (panel) {
        writing.flush();
        auto.detach();
        panel.remove();
        panel = null;
        generation++;
        ctx.set({ view: null, draft: null, editing: null });
      }
      return;
    }
    const found = adapter.findVideo(doc);
    if (!found) return;
    video = found;
    if (!panel) mount(found);
    else place();
    let info = adapter.readVideo(doc, found);
    const current = ctx.get().view?.talk.videoId ?? opening;
    if (!force && current === info.videoId) return;
    const gen = ++generation;
    const moved = current !== info.videoId;
    // The detector's picture belongs to the talk that was playing.
    auto.detach();
    if (moved) {
      writing.leaveTalk();
      thumbs.clear();
    }
    const stale = !info.title || (moved && current !== null && info.title === previousTitle);
    if (stale) info = { ...info, title: '', speakers: [] };
    else previousTitle = info.title;
    // During an ad the element's duration is the ad's.
    if (adapter.isAdPlaying(doc)) info = { ...info, duration: 0 };
    ctx.set({ view: null, editing: null, status: 'Opening the talk…' });
    await open(info, gen);
    if (stale) awaitTitle(previousTitle ?? '', info.videoId, gen);
  };

  const onFullscreen = () => {
    if (!panel) return;
    place();
    const full = ctx.get().mode === 'fullscreen';
    // Fullscreen is all video: fold to the tab, and unfold when the user leaves it.
    if (full && collapsedBeforeFullscreen === null) {
      collapsedBeforeFullscreen = ctx.get().collapsed;
      if (!ctx.get().draft) ctx.set({ collapsed: true });
    } else if (!full && collapsedBeforeFullscreen !== null) {
      ctx.set({ collapsed: collapsedBeforeFullscreen });
      collapsedBeforeFullscreen = null;
    }
  };

  listenForKeys(
    doc,
    defaultKeys,
    {
      // Only while our panel is on the page: elsewhere the letters are the page's.
      enabled: () => panel !== null && settings.inPageKeys,
      typingInside: () => panel?.typingInside() ?? false,
    },
    onKey,
    signal,
  );
  adapter.watchNavigation(doc, () => void attach(), signal);
  // Media events don't bubble, but a capturing listener sees a video that appears later.
  doc.addEventListener('loadedmetadata', () => void attach(), { capture: true, signal });
  doc.addEventListener('fullscreenchange', onFullscreen, { signal });
  // A frame or window resized: the panel may have to become a bar, or may grow back.
  doc.defaultView?.addEventListener('resize', place, { signal });
  doc.defaultView?.addEventListener('pagehide', () => writing.flush(), { signal });
  void attach();

  return {
    handle(event) {
      if (event.type === 'command') {
        if (panel) onKey(event.command);
        return;
      }
      if (event.type === 'slide-text-changed') {
        // A frame without a panel asks when one appears.
        if (panel) slideText.check();
        return;
      }
      const view = ctx.get().view;
      if (event.type !== 'notes-changed' || event.talkId !== view?.talk.id) return;
      const gen = generation;
      void api.call('listNotes', { talkId: view.talk.id }).then((r) => {
        const now = ctx.get().view;
        if (!r.ok || gen !== generation || !now) return;
        ctx.set({ view: { ...now, notes: r.value } });
        thumbs.ensure(r.value);
      });
    },
    setSettings(s) {
      settings = s;
      auto.settingsChanged();
    },
    stop() {
      writing.flush();
      life.abort();
      generation++;
      thumbs.clear();
      panel?.remove();
      panel = null;
    },
  };
}
