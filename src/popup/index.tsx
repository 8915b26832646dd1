// Popup entry: reads the store directly (same extension origin) and stays live through the
// store's change announcements.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { exportPost } from '../core/export';
import { openStore } from '../store';
import { onChange } from '../store/changes';
import { Popup, type PopupActions, type PopupData, type PopupStatus } from './Popup';

const store = openStore();
const app = document.getElementById('app') as HTMLElement;
let data: PopupData | null = null;
let status: PopupStatus | null = null;
let exported: string | null = null;

const draw = () => render(<Popup data={data} actions={actions} status={status} exported={exported} />, app);

/** Pages our content script doesn't run on by itself: the user can enable it (activeTab). */
async function canEnableHere(): Promise<boolean> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const url = tab?.url ?? '';
  return /^https?:/.test(url) && !/^https?:\/\/(www\.|m\.)?youtube(-nocookie)?\.com\//.test(url);
}

async function load(): Promise<void> {
  const active = await store.posts.getActive();
  if (!active.ok) {
    status = { text: active.error.message, kind: 'error' };
    data = { post: null, talks: [], canEnableHere: false };
    return draw();
  }
  const view = active.value ? await store.posts.open(active.value) : null;
  const enable = await canEnableHere().catch(() => false);
  data =
    view?.ok && view.value
      ? { ...view.value, canEnableHere: enable }
      : { post: null, talks: [], canEnableHere: enable };
  draw();
}

const actions: PopupActions = {
  async exportMarkdown() {
    const post = data?.post;
    if (!post) return;
    const snap = await store.snapshotOfPost(post.id);
    if (!snap.ok || !snap.value) {
      status = { text: snap.ok ? 'This post no longer exists.' : snap.error.message, kind: 'error' };
      return draw();
    }
    const files = exportPost(snap.value, post.id, 'markdown', { timestampLinks: true });
    if (!files.ok) {
      status = { text: `Export failed: ${files.error}`, kind: 'error' };
      return draw();
    }
    const md = files.value.find((f) => f.path.endsWith('.md'));
    exported = md ? new TextDecoder().decode(md.bytes) : '';
    status = { text: 'Markdown ready below. The library exports images and other formats.', kind: 'info' };
    draw();
  },
  openLibrary() {
    void browser.tabs.create({ url: browser.runtime.getURL('library.html') });
    window.close();
  },
  async enableHere() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
      window.close();
    } catch (e) {
      status = {
        text: `Talkmark can’t run on this page: ${e instanceof Error ? e.message : e}`,
        kind: 'error',
      };
      draw();
    }
  },
};

draw();
void load();
onChange(() => void load());
