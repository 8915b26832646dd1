// The library's API over a real (fake-indexeddb) store: duplicate, delete and undo, search
// with where each note lives, export, backup and restore (including a malformed file).
import { describe, expect, it } from 'vitest';
import { encodeBackup } from '../../../src/core/backup';
import { harness, must, seed } from './helpers';

describe('library api', () => {
  it('duplicates a post with fresh ids for everything, images included', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const copyId = must(await api.duplicatePost(post.id));
    expect(copyId).not.toBe(post.id);
    const copy = must(await api.openPost(copyId));
    const orig = must(await api.openPost(post.id));
    expect(copy?.post.title).toBe('KubeCon Day 2 (copy)');
    expect(copy?.talks.map((t) => t.talk.title)).toEqual(orig?.talks.map((t) => t.talk.title));
    expect(copy?.talks.flatMap((t) => t.notes.map((n) => n.text))).toEqual(
      orig?.talks.flatMap((t) => t.notes.map((n) => n.text)),
    );
    const origIds = new Set(
      orig?.talks.flatMap((t) => [
        t.talk.id,
        ...t.notes.map((n) => n.id),
        ...t.notes.flatMap((n) => n.imageId ?? []),
      ]),
    );
    for (const t of copy?.talks ?? []) {
      expect(origIds.has(t.talk.id)).toBe(false);
      for (const n of t.notes) {
        expect(origIds.has(n.id)).toBe(false);
        if (n.imageId) {
          expect(origIds.has(n.imageId)).toBe(false);
          expect(must(await store.images.get(n.imageId))?.blob.size).toBe(8);
        }
      }
    }
  });

  it('deletes a post and undo puts back every talk, note and image, and the active post', async () => {
    const { api, store } = harness();
    const { post } = await seed(store);
    const before = must(await store.snapshotOfPost(post.id));
    const undo = must(await api.deletePost(post.id));
    expect(must(await api.openPost(post.id))).toBeUndefined();
    expect(await api.activePost()).toBeUndefined();
    must(await undo());
    const after = must(await store.snapshotOfPost(post.id));
    expect(after?.notes.length).toBe(before?.notes.length);
    expect(after?.images.map((i) => i.bytes.length)).toEqual(before?.images.map((i) => i.bytes.length));
    expect(await api.activePost()).toBe(post.id);
  });

  it('finds notes by word prefix and says which talk and post each is in', async () => {
    const { api, store } = harness();
    const { post, talks } = await seed(store);
    const hits = must(await api.search('cach', 50));
    expect(hits.notes.map((h) => h.note.text)).toEqual(['Caching beats cleverness']);
    expect(hits.notes[0]?.postId).toBe(post.id);
    expect(hits.notes[0]?.talk?.id).toBe(talks[0].id);
    expect(hits.notes[0]?.postTitle).toBe('KubeCon Day 2');
    expect(hits.talks.map((t) => t.talk.id)).toEqual([talks[0].id]);
  });

  it('exports a zip download named after the post and renders a preview with the slide as a given URL', async () => {
    const { api, store, downloads } = harness();
    const { post } = await seed(store);
    const zip = must(await api.exportZip({ postId: post.id, format: 'hugo', options: {} }));
    expect(zip.name).toBe('kubecon-day-2-hugo.zip');
    // The zip arrives as a Blob streamed from the exporter, not one buffer built in memory.
    const data = downloads[0]?.data;
    expect(data).toBeInstanceOf(Blob);
    const bytes = new Uint8Array(await (data as Blob).arrayBuffer());
    expect(bytes.slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const html = must(await api.exportPreview({ postId: post.id, format: 'hugo', options: {} }));
    expect(html).toContain('Caching beats cleverness');
    expect(html).toMatch(/<img src="blob:test\/\d+"/);
  });

  it('restores a backup into an empty store and reports what it added', async () => {
    const source = harness();
    await seed(source.store);
    const bytes = encodeBackup(must(await source.store.snapshot()));
    const { api } = harness();
    const report = must(await api.restore(new Blob([bytes as Uint8Array<ArrayBuffer>]), 'merge'));
    expect(report.notes.added).toBe(4);
    expect(report.posts.added).toBe(1);
    expect(report.images.added).toBe(1);
  });

  it('refuses a malformed backup with a clear message and changes nothing', async () => {
    const { api, store } = harness();
    await seed(store);
    const before = must(await store.snapshot());
    const r = await api.restore(new Blob(['not a zip at all']), 'replace');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/can't be restored/);
    const after = must(await store.snapshot());
    expect(after.notes.length).toBe(before.notes.length);
    expect(after.posts.map((p) => p.id)).toEqual(before.posts.map((p) => p.id));
  });

  it('keeps settings in the storage area and falls back per field on bad values', async () => {
    const { api, settings } = harness();
    expect((await api.loadSettings()).captureQuality).toBe(0.9);
    settings.data.settings = { captureQuality: 7, exportFormat: 'jekyll' };
    const s = await api.loadSettings();
    expect(s.captureQuality).toBe(0.9);
    expect(s.exportFormat).toBe('jekyll');
    must(await api.saveSettings({ ...s, exportToc: false }));
    expect((settings.data.settings as { exportToc: boolean; version: number }).exportToc).toBe(false);
    expect((settings.data.settings as { version: number }).version).toBe(1);
  });
});
