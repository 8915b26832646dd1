// One page's Talkmark session: finds the talk video, keeps the panel in step with the
// store, and turns keys and buttons into notes. Re-attaches when the page navigates to
// another video without reloading, so notes always land in the talk now playing.

import { debounce } from '../core/debounce';
import { newId } from '../core/ids';
import type { NoteInput, TabEvent, TalkView } from '../core/messages';
import type { Note, NoteId } from '../core/model';
import { call } from '../ui/call';
import { type CaptureOptions, captureFrame, defaultCaptureOptions } from './capture';
import { defaultKeys, type KeyAction, listenForKeys } from './keys';
import { type MountedPanel, mountPanel } from './panel/mount';
import type { PanelActions, PanelState } from './panel/Panel';
import type { SiteAdapter } from './sites/types';

export interface Session {
  handle(event: TabEvent): void;
  stop(): void;
}

export function startSession(doc: Document, adapter: SiteAdapter): Session {
  const life = new AbortController();
  let state: PanelState = {
    view: null,
    collapsed: false,
    draft: null,
    notice: null,
    thumbs: {},
    status: 'Looking for a video…',
  };
  let panel: MountedPanel | null = null;
  let video: HTMLVideoElement | null = null;
  const captureOptions: CaptureOptions = defaultCaptureOptions;
  /** The note being typed, as last sent to the store. */
  let draftInput: NoteInput | null = null;

  const set = (patch: Partial<PanelState>) => {
    state = { ...state, ...patch };
    panel?.update(state);
  };
  const fail = (text: string) => set({ notice: { text, kind: 'error' } });
  const upsertLocal = (note: Note) => {
    if (!state.view || note.talkId !== state.view.talk.id) return;
    const notes = state.view.notes.filter((n) => n.id !== note.id);
    set({ view: { ...state.view, notes: [...notes, note] } });
  };

  const save = async (input: NoteInput) => {
    const r = await call('saveNote', input);
    if (r.ok) upsertLocal(r.value);
    else fail(`Your note was not saved: ${r.error}`);
  };
  // Write-through: every edit reaches the store within 250 ms, and at once on pagehide.
  const saveSoon = debounce(save, 250);
  doc.defaultView?.addEventListener('pagehide', () => saveSoon.flush(), { signal: life.signal });

  const currentTime = () => video?.currentTime ?? 0;
  const usable = (): TalkView | null => {
    if (adapter.isAdPlaying(doc)) {
      fail('An ad is playing: Talkmark waits for the talk.');
      return null;
    }
    if (!state.view) fail(state.status);
    return state.view;
  };

  const startNote = (kind: 'text' | 'quote', text = '', speaker?: string) => {
    const view = usable();
    if (!view) return;
    saveSoon.flush();
    const input: NoteInput = { id: newId('note'), talkId: view.talk.id, time: currentTime(), kind, text };
    if (speaker) input.speaker = speaker;
    set({ draft: { id: input.id, text }, collapsed: false });
    draftInput = input;
    void save(input);
  };
  const captureSlide = async () => {
    const view = usable();
    if (!view || !video) return;
    const time = currentTime();
    let shot = await captureFrame(video, captureOptions);
    if (!shot.ok) {
      const r = video.getBoundingClientRect();
      const fallback = await call('captureTab', {
        rect: { x: r.left, y: r.top, width: r.width, height: r.height },
        viewportWidth: doc.defaultView?.innerWidth ?? r.width,
        ...captureOptions,
      });
      if (!fallback.ok) {
        fail(`No slide image: ${shot.error} The screenshot fallback failed too: ${fallback.error}`);
        return;
      }
      shot = { ok: true, value: { ...fallback.value, blob: fallback.value.image, via: 'screenshot' } };
    }
    const thumb = URL.createObjectURL(shot.value.blob);
    const r = await call('addSlide', {
      talkId: view.talk.id,
      time,
      text: '',
      image: shot.value.blob,
      width: shot.value.width,
      height: shot.value.height,
    });
    if (!r.ok) {
      URL.revokeObjectURL(thumb);
      return fail(`The slide was not saved: ${r.error}`);
    }
    set({ thumbs: { ...state.thumbs, [r.value.note.id]: thumb } });
    upsertLocal(r.value.note);
    if (r.value.warning) fail(r.value.warning);
  };

  const actions: PanelActions = {
    seek(time) {
      if (video) video.currentTime = time;
    },
    newNote: () => startNote('text'),
    captureSlide: () => void captureSlide(),
    quoteCaption() {
      const caption = adapter.captionText(doc);
      if (!caption)
        return fail('There is no caption on screen to quote. Turn captions on, or type the quote.');
      startNote('quote', caption, state.view?.talk.speakers[0]?.name);
    },
    editDraft(text) {
      if (!state.draft || !draftInput) return;
      draftInput = { ...draftInput, text };
      set({ draft: { ...state.draft, text } });
      saveSoon(draftInput);
    },
    finishDraft(keep) {
      const input = draftInput;
      draftInput = null;
      set({ draft: null });
      if (!input) return;
      if (keep) {
        saveSoon.cancel();
        void save(input);
      } else {
        saveSoon.cancel();
        void remove(input.id, false);
      }
      video?.focus?.();
    },
    deleteNote: (id) => void remove(id, true),
    toggleCollapsed: () => set({ collapsed: !state.collapsed }),
    dismissNotice: () => set({ notice: null }),
  };

  const remove = async (id: NoteId, offerUndo: boolean) => {
    const r = await call('deleteNote', { id });
    if (!r.ok) return fail(`The note was not deleted: ${r.error}`);
    if (state.view) set({ view: { ...state.view, notes: state.view.notes.filter((n) => n.id !== id) } });
    if (!offerUndo) return;
    const deleted = r.value;
    set({
      notice: {
        text: 'Note deleted.',
        kind: 'info',
        undo: async () => {
          set({ notice: null });
          const back = await call('restoreNote', deleted);
          if (back.ok) upsertLocal(back.value);
          else fail(`The note could not be restored: ${back.error}`);
        },
      },
    });
  };

  const onKey = (action: KeyAction) => {
    if (action === 'add-note') actions.newNote();
    else if (action === 'capture-slide') actions.captureSlide();
    else if (action === 'quote-caption') actions.quoteCaption();
    else actions.toggleCollapsed();
  };

  const attach = async () => {
    const found = adapter.findVideo(doc);
    if (!found) return;
    video = found;
    const info = adapter.readVideo(doc, found);
    if (state.view?.talk.videoId === info.videoId) return;
    saveSoon.flush();
    draftInput = null;
    if (!panel) {
      panel = mountPanel(doc, actions, state);
      listenForKeys(doc, defaultKeys, (t) => panel?.contains(t) ?? false, onKey, life.signal);
    }
    set({ view: null, draft: null, status: 'Opening the talk…' });
    const r = await call('openTalk', info);
    if (!r.ok) {
      set({ status: `Talkmark can’t take notes here: ${r.error}` });
      return;
    }
    set({ view: r.value, status: '' });
  };

  adapter.watchNavigation(doc, () => void attach(), life.signal);
  // Media events don't bubble, but a capturing listener sees a video that appears later.
  doc.addEventListener('loadedmetadata', () => void attach(), { capture: true, signal: life.signal });
  void attach();

  return {
    handle(event) {
      if (event.type === 'command') onKey(event.command);
      else if (event.type === 'notes-changed' && event.talkId === state.view?.talk.id && video) {
        const info = adapter.readVideo(doc, video);
        void call('openTalk', info).then((r) => {
          if (r.ok && r.value.talk.id === state.view?.talk.id) set({ view: { ...r.value } });
        });
      }
    },
    stop() {
      saveSoon.flush();
      life.abort();
      panel?.remove();
    },
  };
}
