// LibraryApi over the store: the one place the library's views reach data. Store errors
// become the messages they already carry; long work (zips, previews, backups) runs here, in
// the page, never in the background worker.
import type { ExportFile } from '../core/export';
import type { ImageId, NoteId, PostId, Snapshot } from '../core/model';
import { err, ok, type Result } from '../core/result';
import { OCR_STATUS_KEY, type OcrStatus } from '../ocr/status';
import type { LibraryQueries, SearchIndex, Store, StoreError } from '../store';
import { type KeyValueArea, loadSettings, saveSettings } from '../ui/settings';
import type { ExportRequest, LibraryApi, Outcome } from './api';
import { duplicateSnapshot } from './duplicate';
import { canWrite, type DirHandle, existingFiles, writeFiles } from './folder';
import { reencodeImages } from './reencode';

export interface ApiDeps {
  store: Store;
  queries: LibraryQueries;
  /** Answers searches from memory once built; the store answers them until then. */
  searchIndex?: SearchIndex;
  /** Called each time the search index has been built. */
  onSearchReady?(): void;
  settings: KeyValueArea;
  /** Saves bytes (or a Blob, which the browser may keep on disk) as a download. */
  download(data: Blob | Uint8Array, name: string): void;
  /** The browser's directory picker, or null where there is none (Firefox). */
  pickFolder: (() => Promise<DirHandle>) | null;
  objectUrl(blob: Blob): string;
  revokeUrl(url: string): void;
  /** The database and its safety copy agree again: the toolbar's warning badge can go. */
  copyResolved?(): void;
}

const FOLDER_KEY = 'exportFolder';

// Exporting, previewing (commonmark and its entity tables) and backing up (fflate) are half
// the page's script and none of its first paint: they are evaluated on first use. (Without
// code splitting in build.mjs the bytes still ship in library.js, but their start-up work,
// e.g. decoding the HTML entity table, no longer delays the posts list.)
const exporting = () => import('../core/export');
const backups = () => import('../core/backup');

const plain = <T>(r: Result<T, StoreError>): Outcome<T> => (r.ok ? r : err(r.error.message));
const unit = <T>(r: Result<T, StoreError>): Outcome => (r.ok ? ok(undefined) : err(r.error.message));

export function storeApi(deps: ApiDeps): LibraryApi {
  const { store, queries } = deps;
  const urls = new Map<ImageId, string>();
  /** The last preview's image URLs, released when the next preview replaces it. */
  let previewUrls: string[] = [];

  const snapshotOf = async (postId: PostId): Promise<Outcome<Snapshot>> => {
    const snap = await store.snapshotOfPost(postId);
    if (!snap.ok) return err(snap.error.message);
    return snap.value ? ok(snap.value) : err('This post no longer exists.');
  };
  const filesOf = async (req: ExportRequest): Promise<Outcome<{ files: ExportFile[]; snap: Snapshot }>> => {
    const snap = await snapshotOf(req.postId);
    if (!snap.ok) return snap;
    let images: Snapshot;
    try {
      images = await reencodeImages(snap.value, req.images);
    } catch (e) {
      return err(
        `The slides could not be re-encoded: ${e instanceof Error ? e.message : e}. Export them as captured.`,
      );
    }
    const { exportPost } = await exporting();
    const files = exportPost(images, req.postId, req.format, req.options);
    return files.ok ? ok({ files: files.value, snap: images }) : err(`Export failed: ${files.error}`);
  };

  return {
    postSummaries: async () => plain(await queries.postSummaries()),
    openPost: async (id) => plain(await store.posts.open(id)),
    async search(query, limit) {
      const index = deps.searchIndex;
      if (index?.ready) {
        await index.settled();
        const found = index.search(query, limit);
        if (found.ok) {
          const titleOf = (id: PostId | undefined) => (id && index.post(id)?.title) ?? '';
          return ok({
            noteCount: found.value.noteCount,
            notes: found.value.notes.map((note) => {
              const talk = index.talk(note.talkId);
              return { note, talk, postId: talk?.postId, postTitle: titleOf(talk?.postId) };
            }),
            talks: found.value.talks.map((talk) => ({ talk, postTitle: titleOf(talk.postId) })),
          });
        }
      }
      const found = await store.search(query, limit);
      if (!found.ok) return err(found.error.message);
      // Where each hit lives: both reads at once, not one after the other.
      const [posts, talks] = await Promise.all([
        store.posts.list(),
        queries.talksById(found.value.notes.map((n) => n.talkId)),
      ]);
      const titles = new Map(posts.ok ? posts.value.map((p) => [p.id, p.title]) : []);
      const byId = talks.ok ? talks.value : new Map();
      return ok({
        noteCount: found.value.noteCount,
        notes: found.value.notes.map((note) => {
          const talk = byId.get(note.talkId);
          return { note, talk, postId: talk?.postId, postTitle: (talk && titles.get(talk.postId)) ?? '' };
        }),
        talks: found.value.talks.map((talk) => ({ talk, postTitle: titles.get(talk.postId) ?? '' })),
      });
    },
    prepareSearch() {
      void deps.searchIndex?.build().then((r) => r.ok && deps.onSearchReady?.());
    },
    async slideTextState() {
      const progress = await store.images.textProgress();
      const kv = await queries.getKv(OCR_STATUS_KEY);
      const status = kv.ok ? (kv.value as OcrStatus | undefined) : undefined;
      const counts = progress.ok ? progress.value : { total: 0, read: 0 };
      return status?.state === 'unavailable' ? { ...counts, unavailable: status.message } : counts;
    },
    async slideTitle(id) {
      const image = await store.images.get(id);
      return (image.ok && image.value?.meta.text?.title) || '';
    },
    async imageUrl(id) {
      const known = urls.get(id);
      if (known) return known;
      const image = await store.images.get(id);
      if (!image.ok || !image.value) return null;
      const url = deps.objectUrl(image.value.blob);
      urls.set(id, url);
      return url;
    },

    createPost: async (title) => plain(await store.posts.create({ title })),
    async duplicatePost(id) {
      const snap = await snapshotOf(id);
      if (!snap.ok) return snap;
      const copy = duplicateSnapshot(snap.value, id);
      if (!copy?.posts[0]) return err('This post no longer exists.');
      const written = await store.importSnapshot(copy, 'merge');
      return written.ok ? ok(copy.posts[0].id) : err(written.error.message);
    },
    async deletePost(id) {
      // The whole post, images included, is kept in memory so Undo can put it back as it was.
      const snap = await snapshotOf(id);
      if (!snap.ok) return snap;
      const active = await store.posts.getActive();
      const wasActive = active.ok && active.value === id;
      const gone = await store.posts.delete(id);
      if (!gone.ok) return err(gone.error.message);
      return ok(async () => {
        const back = await store.importSnapshot(snap.value, 'merge');
        if (!back.ok) return err(back.error.message);
        if (wasActive) await store.posts.setActive(id);
        return ok(undefined);
      });
    },
    updatePost: async (id, patch) => plain(await store.posts.update(id, patch)),
    setActivePost: async (id) => unit(await store.posts.setActive(id)),
    async activePost() {
      const a = await store.posts.getActive();
      return a.ok ? a.value : undefined;
    },

    updateTalk: async (id, patch) => unit(await store.talks.update(id, patch)),
    moveTalk: async (id, to) => unit(await store.talks.move(id, to)),
    reorderTalks: async (postId, sectionId, ids) => unit(await store.talks.reorder(postId, sectionId, ids)),

    addNote: async (input) => unit(await store.notes.add(input)),
    updateNote: async (id, patch) => unit(await store.notes.update(id, patch)),
    deleteNote: async (id) => plain(await store.notes.delete(id)),
    async recoverNoteEdits(edits, current) {
      let restored = 0;
      let beside = 0;
      const done: NoteId[] = [];
      for (const edit of edits) {
        const got = await store.notes.get(edit.id);
        if (!got.ok) return err(got.error.message);
        const note = got.value;
        // Gone: deleted since, on purpose (a delete from that same tab forgets its edit too).
        if (!note || note.text === edit.text) {
          done.push(edit.id);
          continue;
        }
        // Nothing else wrote the note after the key press, or only the save then on its way did.
        const ours = note.updatedAt <= edit.at || (edit.sending !== undefined && note.text === edit.sending);
        if (!current(edit)) continue;
        const r = ours
          ? await store.notes.update(note.id, { text: edit.text })
          : await store.notes.add({
              talkId: note.talkId,
              time: note.time,
              kind: note.kind === 'slide' ? 'text' : note.kind,
              text: edit.text,
              ...(note.speaker ? { speaker: note.speaker } : {}),
            });
        if (!r.ok) return err(r.error.message);
        if (ours) restored++;
        else beside++;
        done.push(edit.id);
      }
      return ok({ restored, beside, done });
    },
    restoreNote: async (deleted) => unit(await store.notes.restore(deleted)),

    async exportPreview(req) {
      const snap = await snapshotOf(req.postId);
      if (!snap.ok) return snap;
      for (const u of previewUrls) deps.revokeUrl(u);
      const imageUrls = new Map<ImageId, string>();
      for (const image of snap.value.images) {
        const blob = new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime });
        imageUrls.set(image.id, deps.objectUrl(blob));
      }
      previewUrls = [...imageUrls.values()];
      const { renderPreviewHtml } = await exporting();
      return ok(renderPreviewHtml(snap.value, req.postId, (id) => imageUrls.get(id) ?? '', req.options));
    },
    async exportZip(req) {
      const out = await filesOf(req);
      if (!out.ok) return out;
      const post = out.value.snap.posts[0];
      const name = `${post?.slug || 'post'}-${req.format}.zip`;
      const { zipFiles } = await exporting();
      // Streamed into a Blob, which the browser spools to disk when large: a 500 MB post
      // never needs its zip in memory beside its slides.
      const zip = await new Response(zipFiles(out.value.files)).blob();
      deps.download(new Blob([zip], { type: 'application/zip' }), name);
      return ok({ files: out.value.files.length, name });
    },
    exportToFolder: deps.pickFolder
      ? async (req, overwrite) => {
          const pick = deps.pickFolder as () => Promise<DirHandle>;
          const out = await filesOf(req);
          if (!out.ok) return out;
          try {
            const saved = await queries.getKv(FOLDER_KEY);
            // A stored value that isn't a live handle (another browser's clone, old data) is ignored.
            const value = saved.ok ? (saved.value as Partial<DirHandle> | undefined) : undefined;
            let dir = typeof value?.getDirectoryHandle === 'function' ? (value as DirHandle) : undefined;
            if (!dir || !(await canWrite(dir))) {
              dir = await pick();
              await queries.setKv(FOLDER_KEY, dir);
            }
            if (!overwrite) {
              const exists = await existingFiles(dir, out.value.files);
              if (exists.length > 0) return ok({ exists });
            }
            await writeFiles(dir, out.value.files);
            return ok({ written: out.value.files.length, folder: dir.name });
          } catch (e) {
            if (e instanceof Error && e.name === 'AbortError')
              return err('No folder was chosen; nothing was written.');
            return err(
              `Writing into the folder failed, so nothing was written (files it had written were taken back): ${e instanceof Error ? e.message : String(e)}`,
            );
          }
        }
      : null,

    async backUp() {
      const snap = await store.snapshot();
      if (!snap.ok) return err(snap.error.message);
      const name = `talkmark-backup-${new Date().toISOString().slice(0, 10)}.zip`;
      const { encodeBackup } = await backups();
      deps.download(encodeBackup(snap.value), name);
      return ok({ notes: snap.value.notes.length, images: snap.value.images.length, name });
    },
    async restore(file, mode) {
      // decodeBackup checks every file, field and reference before anything is written.
      const { decodeBackup } = await backups();
      const decoded = decodeBackup(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return decoded;
      return plain(await store.importSnapshot(decoded.value, mode));
    },

    async copyState() {
      if (!store.copy) return ok(null);
      const state = plain(await store.copy.check());
      if (state.ok && state.value.state === 'ok') deps.copyResolved?.();
      return state;
    },
    async restoreCopy() {
      if (!store.copy) return err('There is no safety copy in this browser.');
      const r = plain(await store.copy.restore());
      if (r.ok) deps.copyResolved?.();
      return r;
    },

    loadSettings: () => loadSettings(deps.settings),
    async saveSettings(settings) {
      try {
        return ok(await saveSettings(deps.settings, settings));
      } catch (e) {
        return err(`Settings were not saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
