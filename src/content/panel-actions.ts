// What the panel's buttons and the keys do. Nothing is noted or captured during an ad, and a
// capture keeps the talk and time of the key press even if the page moves on meanwhile.

import { newId } from '../core/ids';
import type { NewSlide, TalkView } from '../core/messages';
import type { Result } from '../core/result';
import { parseSpeakers } from '../core/speakers';
import type { AutoCapture } from './auto-capture/controller';
import { type CaptureOptions, captureOptions, type DrawnFrame, drawFrame, encodeFrame } from './capture';
import type { CallApi, PanelContext } from './context';
import type { PanelActions } from './panel/types';
import type { Settings } from './settings';
import type { SiteAdapter } from './sites/types';
import { type Screenshot, screenshotSlide } from './slide';
import type { SlideTextNotice } from './slide-text-notice';
import type { Thumbs } from './thumbs';
import { mark } from './timing';
import type { Writing } from './writing';

export interface ActionDeps {
  ctx: PanelContext;
  api: CallApi;
  writing: Writing;
  thumbs: Thumbs;
  doc: Document;
  adapter: SiteAdapter;
  /** The talk now shown, or null (with the reason shown) during an ad or before it opened. */
  usable(): TalkView | null;
  video(): HTMLVideoElement | null;
  settings(): Settings;
  reopen(): void;
  beforeTyping(): void;
  auto: Pick<AutoCapture, 'toggle' | 'pickArea' | 'manualHash'>;
  slideText: Pick<SlideTextNotice, 'dismiss'>;
}

/** How long the compact bar says a slide was saved, in ms. */
export const savedFor = 2500;

/** A slide's fields as stored, but its picture. */
type SlideFields = Omit<NewSlide, 'image'>;

/** A captured slide the store doesn't have yet. */
interface Waiting {
  slide: SlideFields;
  /** The encoded picture; null while a drawn frame waits for its encode (or failed it). */
  image: Blob | null;
  /** The drawn frame, kept until it is encoded: a Retry after a failed encode starts from it. */
  frame?: DrawnFrame | undefined;
  options?: CaptureOptions;
  /** The encode under way, started as soon as the frame was drawn. */
  encoding?: Promise<Result<Blob>> | undefined;
}

/** The panel's actions, and the key's: a note or quote at the moment the key was pressed. */
export interface SessionActions extends PanelActions {
  noteAt(time: number): void;
  quoteAt(time: number): void;
}

export function makeActions(d: ActionDeps): SessionActions {
  const { ctx, api, writing } = d;
  const now = () => d.video()?.currentTime ?? 0;

  const startNote = (kind: 'text' | 'quote' | 'slide', text = '', speaker?: string, time = now()) => {
    const view = d.usable();
    if (!view) return;
    d.beforeTyping();
    writing.start(view, time, kind, text, speaker);
  };

  const quote = (time?: number) => {
    const caption = d.adapter.captionText(d.doc);
    if (!caption)
      return ctx.fail('There is no caption on screen to quote. Turn captions on, or type the quote.');
    startNote('quote', caption, ctx.get().view?.talk.speakers[0]?.name, time);
  };

  const screenshot: Screenshot = (req) => api.call('captureTab', req);

  /** Puts a captured slide in the panel at once, marked as saving; returns its pending id. */
  const showPending = (entry: Waiting, preview?: HTMLCanvasElement): string => {
    const id = `pending-${++pendingCount}`;
    waiting.set(id, entry);
    const { talkId, time } = entry.slide;
    ctx.set({
      pending: [...ctx.get().pending, { id, talkId, time, error: null, ...(preview ? { preview } : {}) }],
    });
    return id;
  };

  const captureSlide = async () => {
    const view = d.usable();
    const video = d.video();
    if (!view || !video) return;
    const time = now();
    const options = captureOptions(d.settings());
    // The page makes the id: a resend (src/ui/call.ts) or a Retry of this slide can't store it twice.
    const slide = (width: number, height: number): SlideFields => ({
      id: newId('note'),
      talkId: view.talk.id,
      time,
      text: '',
      width,
      height,
    });
    const drawn = await drawFrame(video, options);
    // An ad that started while the frame (or the screenshot) waited its turn must not become a slide.
    if (d.adapter.isAdPlaying(d.doc)) return ctx.fail('An ad started: the slide was not kept.');
    if (drawn.ok) {
      // Shown the moment the frame is drawn, from its small copy, marked as saving while it is
      // encoded and stored: the encode and the store are not part of the wait.
      const { preview, width, height } = drawn.value;
      const entry: Waiting = { slide: slide(width, height), image: null, frame: drawn.value, options };
      // The encode starts before the panel is touched: the browser encodes while the row renders.
      entry.encoding = encodeFrame(drawn.value, options);
      const id = showPending(entry, preview);
      mark('pending');
      // Hashed as auto-capture sees it, so auto-capture won't take this slide again (now or later);
      // from the small copy, which costs far less than drawing the video once more.
      const phash = d.auto.manualHash(preview);
      if (phash) entry.slide.phash = phash;
      await encodeAndStore(id);
      return;
    }
    const shot = await screenshotSlide(video, drawn.error, options, screenshot);
    if (d.adapter.isAdPlaying(d.doc)) return ctx.fail('An ad started: the slide was not kept.');
    if (!shot.ok) {
      // Keep the moment: a slide note without a picture, ready for the user to describe.
      writing.start(view, time, 'slide');
      return ctx.fail(`No picture for this slide. ${shot.error} The slide is kept as a note without one.`);
    }
    const id = showPending({ slide: slide(shot.value.width, shot.value.height), image: shot.value.blob });
    d.thumbs.add(id, shot.value.blob);
    mark('pending');
    await store(id);
  };

  let pendingCount = 0;
  /** The slides not stored yet, by pending id: kept until stored or discarded, so nothing is lost. */
  const waiting = new Map<string, Waiting>();
  const setPending = (id: string, error: string | null) =>
    ctx.set({ pending: ctx.get().pending.map((p) => (p.id === id ? { ...p, error } : p)) });

  /** Encodes a drawn slide (again, on a retry) and stores it; an encode failure leaves it pending. */
  const encodeAndStore = async (id: string) => {
    const entry = waiting.get(id);
    if (!entry) return;
    if (!entry.image && entry.frame) {
      const blob = await (entry.encoding ??
        encodeFrame(entry.frame, entry.options ?? captureOptions(d.settings())));
      entry.encoding = undefined;
      if (waiting.get(id) !== entry) return;
      if (!blob.ok) {
        setPending(id, blob.error);
        return ctx.fail(
          `The slide’s picture could not be made: ${blob.error} Its thumbnail stays in the panel, marked “not saved”: retry or discard it.`,
        );
      }
      entry.image = blob.value;
      // The full-size frame is no longer needed; the saved slide's row will show the picture stored.
      entry.frame = undefined;
      d.thumbs.add(id, blob.value);
    }
    await store(id);
  };

  const store = async (id: string) => {
    const entry = waiting.get(id);
    if (!entry?.image) return;
    const r = await api.call('addSlide', { ...entry.slide, image: entry.image });
    if (!r.ok) {
      if (!waiting.has(id)) return;
      setPending(id, r.error);
      return ctx.fail(
        `The slide was not saved: ${r.error} Its picture stays in the panel, marked “not saved”: retry or discard it.`,
      );
    }
    waiting.delete(id);
    ctx.set({ pending: ctx.get().pending.filter((p) => p.id !== id) });
    if (ctx.get().view?.talk.id === entry.slide.talkId) d.thumbs.rename(id, r.value.note.id);
    else d.thumbs.remove(id);
    ctx.upsert(r.value.note);
    // Said for a moment where the notes list isn't shown (the compact bar of a small embed).
    const saved = { id: r.value.note.id, time: entry.slide.time };
    ctx.set({ justSaved: saved });
    setTimeout(() => {
      if (ctx.get().justSaved === saved) ctx.set({ justSaved: null });
    }, savedFor);
    if (r.value.warning) ctx.fail(r.value.warning);
  };

  return {
    seek(time) {
      const video = d.video();
      if (video) video.currentTime = time;
    },
    newNote: () => startNote('text'),
    captureSlide: () => void captureSlide(),
    quoteCaption: () => quote(),
    noteAt: (time) => startNote('text', '', undefined, time),
    quoteAt: (time) => quote(time),
    editDraft: (text) => writing.editDraft(text),
    finishDraft: (keep) => writing.finishDraft(keep),
    startEdit: (id) => writing.startEdit(id),
    editText: (text) => writing.editText(text),
    finishEdit: (keep) => writing.finishEdit(keep),
    deleteNote: (id) => void writing.remove(id, true),
    retrySlide(id) {
      if (!waiting.has(id)) return;
      setPending(id, null);
      ctx.set({ notice: null });
      void encodeAndStore(id);
    },
    discardSlide(id) {
      waiting.delete(id);
      ctx.set({ pending: ctx.get().pending.filter((p) => p.id !== id) });
      d.thumbs.remove(id);
    },
    async setSpeakers(text) {
      const view = ctx.get().view;
      if (!view) return;
      const r = await api.call('updateTalk', { id: view.talk.id, speakers: parseSpeakers(text) });
      if (!r.ok) return ctx.fail(`The speakers were not saved: ${r.error}`);
      const nowView = ctx.get().view;
      if (nowView?.talk.id === r.value.id) ctx.set({ view: { ...nowView, talk: r.value } });
    },
    async loadPosts() {
      const r = await api.call('listPosts', {});
      if (r.ok) ctx.set({ posts: r.value.posts });
    },
    async choosePost(id) {
      const r = await api.call('setActivePost', { id });
      if (!r.ok) return ctx.fail(`Could not switch posts: ${r.error}`);
      d.reopen();
    },
    async createPost(title) {
      const r = await api.call('createPost', { title });
      if (!r.ok) return ctx.fail(`The post was not created: ${r.error}`);
      ctx.set({ posts: [r.value, ...ctx.get().posts] });
      d.reopen();
    },
    toggleCollapsed: () => ctx.set({ collapsed: !ctx.get().collapsed }),
    dismissNotice: () => ctx.set({ notice: null }),
    dismissSlideTextNotice: () => d.slideText.dismiss(),
    toggleAutoCapture: () => d.auto.toggle(),
    pickSlideArea: () => d.auto.pickArea(),
  };
}
