// Search from memory: a page that searches (the library) reads every note, talk and post once,
// in idle time, into a word index, then answers each query without touching IndexedDB and
// keeps the index current from the change broadcast (changes.ts). A slide note is also found
// by the words OCR read on its picture (ImageMeta.text). Same matching and order as
// search.ts (every query word the start of a word of the note, the last edited first), which
// the page uses until the index is built.
//
// Changes are applied one batch at a time, each re-reading the records it names, so a batch
// read later never loses to one read earlier; batches that arrive while the index is being
// built are applied after it.
import type { ImageId, ImageMeta, Note, NoteId, Post, PostId, Talk, TalkId } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { Change } from './changes';
import type { StoreError } from './errors';
import { type StoredNote, toNote } from './schema';
import { newestFirst, type SearchResult } from './search';
import { queryTerms, termsOf } from './terms';
import { type Ctx, read } from './tx';

/** What the index keeps of a talk: the talk and the words its title, label and speakers give. */
interface IndexedTalk {
  talk: Talk;
  terms: string[];
}

/** Notes read per request while building. */
const SLICE = 1000;

/** The first index in sorted `terms` whose term is not before `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms[mid] as string) < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `note` is, or goes, in notes sorted the last edited first. */
function orderAt(order: readonly Note[], note: Note): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(order[mid] as Note, note) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const talkTerms = (t: Talk) => termsOf(t.title, t.label, ...t.speakers.map((s) => s.name));
/** The words OCR read on a slide; a slide note is found by them as by its own text. */
const slideTerms = (image: Pick<ImageMeta, 'text'> | undefined) => termsOf(...(image?.text?.lines ?? []));

export class SearchIndex {
  /** Each note with its own terms (text, speaker) and the terms it is indexed under (plus its slide's). */
  private readonly notes = new Map<
    NoteId,
    { note: Note; own: readonly string[]; terms: readonly string[] }
  >();
  /** Slide text terms per image, and the notes showing each image. */
  private readonly imageTerms = new Map<ImageId, readonly string[]>();
  private readonly byImage = new Map<ImageId, Set<NoteId>>();
  private readonly postings = new Map<string, Set<NoteId>>();
  /** The terms in code-unit order, for prefix ranges: sorted once built, then kept in order. */
  private sortedTerms: string[] | null = null;
  /** Every note, the last edited first (as results are shown): sorted once built, then kept so. */
  private order: Note[] | null = null;
  private readonly talks = new Map<TalkId, IndexedTalk>();
  private readonly posts = new Map<PostId, Post>();
  private state: 'empty' | 'building' | 'ready' | 'failed' = 'empty';
  private building: Promise<Result<void, StoreError>> | undefined;
  /** Batches that arrived while building. */
  private queued: Change[][] = [];
  /** The last batch being applied: each waits for the one before. */
  private applying: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: Ctx) {}

  get ready(): boolean {
    return this.state === 'ready';
  }

  /** Reads everything once (again, after a failure or a restore); resolves when ready. */
  build(): Promise<Result<void, StoreError>> {
    if (this.state === 'ready') return Promise.resolve(ok(undefined));
    if (this.building) return this.building;
    this.state = 'building';
    this.building = this.buildNow().then((built) => {
      this.building = undefined;
      this.state = built.ok ? 'ready' : 'failed';
      if (!built.ok) this.clear();
      return built;
    });
    return this.building;
  }

  private async buildNow(): Promise<Result<void, StoreError>> {
    for (;;) {
      // What was written before this read is in it; what arrives during it is queued.
      this.queued = [];
      const loaded = await this.load();
      if (!loaded.ok) return loaded;
      let again = false;
      while (this.queued.length > 0 && !again) {
        const batch = this.queued.shift() as Change[];
        // A restore during the read: read everything again.
        if (batch.some((c) => c.type === 'reset')) again = true;
        else if (!(await this.applyNow(batch)))
          return err({ code: 'failed', message: 'The search index could not be read.' });
      }
      if (!again) return ok(undefined);
    }
  }

  private async load(): Promise<Result<void, StoreError>> {
    const all = await read(this.ctx, ['notes', 'talks', 'posts', 'images'], async (tx) => {
      const [talks, posts] = await Promise.all([
        tx.objectStore('talks').getAll(),
        tx.objectStore('posts').getAll(),
      ]);
      // Only the slide text of each image (a cursor: no list of every record at once).
      const images: [ImageId, readonly string[]][] = [];
      let cursor = await tx.objectStore('images').openCursor();
      while (cursor) {
        if (cursor.value.text) images.push([cursor.value.id, slideTerms(cursor.value)]);
        cursor = await cursor.continue();
      }
      // The notes in slices, all in the one transaction: between two slices the page handles
      // what the user does, instead of freezing while 10,000 records are copied in at once.
      const notes: StoredNote[] = [];
      for (;;) {
        const last = notes.at(-1);
        const range = last ? IDBKeyRange.lowerBound(last.id, true) : null;
        const slice = await tx.objectStore('notes').getAll(range, SLICE);
        notes.push(...slice);
        if (slice.length < SLICE) break;
      }
      return [notes, talks, posts, images] as const;
    });
    if (!all.ok) return all;
    this.clear();
    const [notes, talks, posts, images] = all.value;
    for (const [id, terms] of images) this.imageTerms.set(id, terms);
    for (const n of notes) this.putNote(toNote(n), n.terms);
    for (const t of talks) this.talks.set(t.id, { talk: t, terms: talkTerms(t) });
    for (const p of posts) this.posts.set(p.id, p);
    // Sorted here, while building in idle time, not by the first search.
    this.sortedTerms = [...this.postings.keys()].sort();
    this.order = [...this.notes.values()].map((e) => e.note).sort(newestFirst);
    return ok(undefined);
  }

  private clear(): void {
    this.notes.clear();
    this.imageTerms.clear();
    this.byImage.clear();
    this.postings.clear();
    this.sortedTerms = null;
    this.order = null;
    this.talks.clear();
    this.posts.clear();
  }

  /** Resolves once every batch taken so far is in the index (or the index was dropped). */
  async settled(): Promise<void> {
    await this.building;
    await this.applying;
  }

  /** Takes a batch of changes from the broadcast; resolves once the index reflects it. */
  apply(changes: readonly Change[]): Promise<void> {
    if (this.state === 'empty' || this.state === 'failed') return Promise.resolve();
    if (this.state === 'building') {
      this.queued.push([...changes]);
      return Promise.resolve();
    }
    const next = this.applying.then(async () => {
      if (changes.some((c) => c.type === 'reset')) {
        // Everything may have changed (a restore): read it all again. Batches that arrive
        // meanwhile are queued by the build, not chained here.
        this.state = 'empty';
        this.clear();
        await this.build();
      } else if (this.state === 'ready' && !(await this.applyNow(changes))) {
        // The database went away (blocked, closed): start again from scratch when next asked.
        this.state = 'failed';
        this.clear();
      }
    });
    this.applying = next.catch(() => {});
    return next;
  }

  /** Re-reads the notes, talks and posts a batch names; false when the database can't be read. */
  private async applyNow(changes: readonly Change[]): Promise<boolean> {
    const noteIds = new Set<NoteId>();
    const talkIds = new Set<TalkId>();
    const postIds = new Set<PostId>();
    const imageIds = new Set<ImageId>();
    for (const c of changes) {
      if (c.type === 'image') imageIds.add(c.id);
      else if (c.type === 'note') noteIds.add(c.id);
      else if (c.type === 'talk') talkIds.add(c.id);
      else if (c.type === 'post') postIds.add(c.id);
    }
    if (noteIds.size + talkIds.size + postIds.size + imageIds.size === 0) return true;
    // Whatever the change said, the record as it is now decides: there, or gone.
    const found = await read(this.ctx, ['notes', 'talks', 'posts', 'images'], async (tx) =>
      Promise.all([
        Promise.all([...noteIds].map((id) => tx.objectStore('notes').get(id))),
        Promise.all([...talkIds].map((id) => tx.objectStore('talks').get(id))),
        Promise.all([...postIds].map((id) => tx.objectStore('posts').get(id))),
        Promise.all([...imageIds].map((id) => tx.objectStore('images').get(id))),
      ]),
    );
    if (!found.ok) return false;
    const [notes, talks, posts, images] = found.value;
    [...imageIds].forEach((id, i) => {
      const terms = slideTerms(images[i]);
      if (terms.length > 0) this.imageTerms.set(id, terms);
      else this.imageTerms.delete(id);
      // The notes showing this slide are indexed again under its new words.
      for (const noteId of [...(this.byImage.get(id) ?? [])]) {
        const entry = this.notes.get(noteId);
        if (!entry || noteIds.has(noteId)) continue;
        this.removeNote(noteId);
        this.putNote(entry.note, entry.own);
      }
    });
    [...noteIds].forEach((id, i) => {
      this.removeNote(id);
      const n = notes[i];
      if (n) this.putNote(toNote(n), n.terms);
    });
    [...talkIds].forEach((id, i) => {
      const t = talks[i];
      if (t) this.talks.set(id, { talk: t, terms: talkTerms(t) });
      else this.talks.delete(id);
    });
    [...postIds].forEach((id, i) => {
      const p = posts[i];
      if (p) this.posts.set(id, p);
      else this.posts.delete(id);
    });
    return true;
  }

  private putNote(note: Note, own: readonly string[]): void {
    const slide = note.imageId ? this.imageTerms.get(note.imageId) : undefined;
    const terms = slide ? [...new Set([...own, ...slide])] : own;
    this.notes.set(note.id, { note, own, terms });
    if (note.imageId) {
      let ids = this.byImage.get(note.imageId);
      if (!ids) {
        ids = new Set();
        this.byImage.set(note.imageId, ids);
      }
      ids.add(note.id);
    }
    this.order?.splice(orderAt(this.order, note), 0, note);
    for (const term of terms) {
      let ids = this.postings.get(term);
      if (!ids) {
        ids = new Set();
        this.postings.set(term, ids);
        this.sortedTerms?.splice(lowerBound(this.sortedTerms, term), 0, term);
      }
      ids.add(note.id);
    }
  }

  private removeNote(id: NoteId): void {
    const old = this.notes.get(id);
    if (!old) return;
    this.notes.delete(id);
    if (old.note.imageId) {
      const ids = this.byImage.get(old.note.imageId);
      ids?.delete(id);
      if (ids?.size === 0) this.byImage.delete(old.note.imageId);
    }
    const at = this.order ? orderAt(this.order, old.note) : -1;
    if (at >= 0 && this.order?.[at] === old.note) this.order.splice(at, 1);
    for (const term of old.terms) {
      const ids = this.postings.get(term);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) {
        this.postings.delete(term);
        const at = this.sortedTerms ? lowerBound(this.sortedTerms, term) : -1;
        if (at >= 0 && this.sortedTerms?.[at] === term) this.sortedTerms.splice(at, 1);
      }
    }
  }

  /** The ids of notes with a word starting with `prefix`. */
  private withPrefix(prefix: string): Set<NoteId> {
    this.sortedTerms ??= [...this.postings.keys()].sort();
    const terms = this.sortedTerms;
    const lo = lowerBound(terms, prefix);
    const first = terms[lo];
    if (first === undefined || !first.startsWith(prefix)) return new Set();
    // One word: its own set (not copied; callers only read it).
    const next = terms[lo + 1];
    if (next === undefined || !next.startsWith(prefix)) return this.postings.get(first) ?? new Set();
    const out = new Set<NoteId>();
    for (let i = lo; i < terms.length && (terms[i] as string).startsWith(prefix); i++) {
      for (const id of this.postings.get(terms[i] as string) ?? []) out.add(id);
    }
    return out;
  }

  /** As store.search: notes the last edited first (at most `limit`), the match count, talks. */
  search(query: string, limit = 200): Result<SearchResult, StoreError> {
    if (this.state !== 'ready') return err({ code: 'failed', message: 'The search index is not ready.' });
    const terms = queryTerms(query);
    if (terms.length === 0) return ok({ notes: [], noteCount: 0, talks: [] });
    const sets = terms.map((t) => this.withPrefix(t)).sort((a, b) => a.size - b.size);
    const [smallest = new Set<NoteId>(), ...rest] = sets;
    const inRest = (id: NoteId) => rest.every((set) => set.has(id));
    let noteCount = 0;
    for (const id of smallest) if (inRest(id)) noteCount++;
    // The first `limit` in order: walking the notes from the last edited takes about
    // limit × all ÷ matches steps, cheap when matches are many (a common word matches
    // thousands); when they are few, sorting just the matches is cheaper.
    this.order ??= [...this.notes.values()].map((e) => e.note).sort(newestFirst);
    const order = this.order;
    const walk = noteCount > 0 ? (Math.min(limit, noteCount) * order.length) / noteCount : 0;
    let notes: Note[] = [];
    if (noteCount <= limit || noteCount * Math.log2(noteCount) < walk) {
      for (const id of smallest) {
        const entry = inRest(id) ? this.notes.get(id) : undefined;
        if (entry) notes.push(entry.note);
      }
      notes = notes.sort(newestFirst).slice(0, limit);
    } else {
      for (const note of order) {
        if (notes.length >= limit) break;
        if (smallest.has(note.id) && inRest(note.id)) notes.push(note);
      }
    }
    const talks = [...this.talks.values()]
      .filter(({ terms: own }) => terms.every((q) => own.some((w) => w.startsWith(q))))
      .map(({ talk }) => talk);
    return ok({ notes, noteCount, talks });
  }

  talk(id: TalkId): Talk | undefined {
    return this.talks.get(id)?.talk;
  }

  post(id: PostId): Post | undefined {
    return this.posts.get(id);
  }
}
