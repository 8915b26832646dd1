// Turns the detector's events into slides: the full-resolution picture through the same path as
// a manual capture (frame, else screenshot), stored as an automatic slide at the moment the slide
// first appeared. A later build step replaces the picture of the slide it completes, so a talk
// keeps one slide per build, in its final state. Events are handled one at a time, in order: a
// replacement always finds the slide it replaces already saved.
import { newId } from '../../core/ids';
import type { NoteId, TalkId } from '../../core/model';
import type { SlideEvent } from '../../core/slides';
import { captureOptions } from '../capture';
import type { CallApi, PanelContext } from '../context';
import type { Settings } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { takeSlide } from '../slide';
import type { Thumbs } from '../thumbs';

export interface CaptureDeps {
  ctx: PanelContext;
  api: CallApi;
  thumbs: Thumbs;
  doc: Document;
  adapter: SiteAdapter;
  settings(): Settings;
}

/** The video must still be near the event's frame; after a seek the frame is gone. */
const MAX_DRIFT_SECONDS = 1.5;

export class AutoSlides {
  /** Event time (`SlideEvent.t`) → the note holding that capture, for `replaces`. */
  private readonly noteAt = new Map<number, NoteId>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly d: CaptureDeps,
    private readonly talkId: TalkId,
    private readonly video: HTMLVideoElement,
    private readonly signal: AbortSignal,
  ) {}

  add(event: SlideEvent): void {
    this.queue = this.queue.then(() => this.save(event)).catch(() => undefined);
  }

  /** Waits for the events queued so far (tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async save(e: SlideEvent): Promise<void> {
    const { d, video } = this;
    if (this.signal.aborted || d.adapter.isAdPlaying(d.doc)) return;
    if (Math.abs(video.currentTime - e.t) > MAX_DRIFT_SECONDS) return;
    const shot = await takeSlide(video, captureOptions(d.settings()), (req) => d.api.call('captureTab', req));
    // An ad or another talk while the picture was taken: it isn't this talk's slide.
    if (this.signal.aborted || d.adapter.isAdPlaying(d.doc)) return;
    if (!shot.ok) return d.ctx.fail(`Auto-capture missed the slide at this moment. ${shot.error}`);
    const { blob, width, height } = shot.value;
    const replaced = e.replaces === undefined ? undefined : this.noteAt.get(e.replaces);
    if (replaced) {
      const r = await d.api.call('replaceSlideImage', {
        noteId: replaced,
        image: blob,
        width,
        height,
        phash: e.phash,
      });
      if (r.ok) {
        if (e.replaces !== undefined) this.noteAt.delete(e.replaces);
        this.noteAt.set(e.t, replaced);
        return this.show(replaced, blob, r.value.note);
      }
      // Deleted by the user meanwhile: they didn't want that slide, so not its next step either.
      if (/no longer exists/.test(r.error)) return;
      return d.ctx.fail(`The completed slide was not saved: ${r.error}`);
    }
    const r = await d.api.call('addSlide', {
      id: newId('note'),
      talkId: this.talkId,
      time: e.shownAt,
      text: '',
      image: blob,
      width,
      height,
      phash: e.phash,
      auto: true,
    });
    if (!r.ok) return d.ctx.fail(`An automatic slide was not saved: ${r.error}`);
    this.noteAt.set(e.t, r.value.note.id);
    this.show(r.value.note.id, blob, r.value.note);
    if (r.value.warning) d.ctx.fail(r.value.warning);
  }

  private show(id: NoteId, blob: Blob, note: Parameters<PanelContext['upsert']>[0]): void {
    if (this.d.ctx.get().view?.talk.id === this.talkId) this.d.thumbs.add(id, blob);
    this.d.ctx.upsert(note);
  }
}
