// Library entry: reads the store directly and stays live through its change announcements.
// Long work (zipping exports and backups) runs here, not in the background worker.
import { render } from 'preact';
import { encodeBackup } from '../core/backup';
import { exportPost, zipToBytes } from '../core/export';
import { openStore } from '../store';
import { onChange } from '../store/changes';
import { Library, type LibraryActions, type LibraryPost } from './Library';

const store = openStore();
const app = document.getElementById('app') as HTMLElement;
let posts: LibraryPost[] | null = null;
let message: { text: string; kind: 'info' | 'error' } | null = null;

const draw = () => render(<Library posts={posts} actions={actions} message={message} />, app);
const tell = (text: string, kind: 'info' | 'error' = 'info') => {
  message = { text, kind };
  draw();
};

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function load(): Promise<void> {
  const list = await store.posts.list();
  if (!list.ok) return tell(list.error.message, 'error');
  const views = await Promise.all(list.value.map((p) => store.posts.open(p.id)));
  posts = views.flatMap((v) => (v.ok && v.value ? [v.value] : []));
  draw();
}

const actions: LibraryActions = {
  async exportPost(post, format) {
    const snap = await store.snapshotOfPost(post.id);
    if (!snap.ok || !snap.value)
      return tell(snap.ok ? 'This post no longer exists.' : snap.error.message, 'error');
    const files = exportPost(snap.value, post.id, format);
    if (!files.ok) return tell(`Export failed: ${files.error}`, 'error');
    download(zipToBytes(files.value), `${post.slug || 'post'}-${format}.zip`);
    tell(`Exported “${post.title}” (${files.value.length} files).`);
  },
  async backUp() {
    const snap = await store.snapshot();
    if (!snap.ok) return tell(snap.error.message, 'error');
    const day = new Date().toISOString().slice(0, 10);
    download(encodeBackup(snap.value), `talkmark-backup-${day}.zip`);
    tell(`Backed up ${snap.value.notes.length} notes and ${snap.value.images.length} images.`);
  },
  async restore(file) {
    tell('Restore arrives with the store’s import; nothing was changed.', 'error');
    void file;
  },
};

draw();
void load();
onChange(() => void load());
