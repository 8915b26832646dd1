import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type ExportFile, exportPost, zipChunks, zipFiles, zipToBytes } from '../../../src/core/export';
import { harbourConf, postId } from '../../fixtures/posts/harbour-conf';

/** Compression method of each local file header, by name (0 stored, 8 deflated). */
function methods(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Record<string, number> = {};
  // Walk the central directory: its entries hold the real sizes (local headers use descriptors).
  const eocd = zip.length - 22;
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    out[new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLen))] = method;
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

const random = (n: number) => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
  return b;
};

describe('zip', () => {
  it('holds exactly the export, images stored and text deflated', () => {
    const r = exportPost(harbourConf(), postId, 'hugo');
    if (!r.ok) throw new Error(r.error);
    const zip = zipToBytes(r.value);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(r.value.map((f) => f.path));
    for (const f of r.value) expect(back[f.path]).toEqual(f.bytes);
    const m = methods(zip);
    expect(m['harbour-conf-2026-day-2/index.md']).toBe(8);
    expect(m['harbour-conf-2026-day-2/slide-01-compiler-sizes-over-time.jpg']).toBe(0);
    expect(m['harbour-conf-2026-day-2/slide-05-architecture.png']).toBe(0);
  });

  it('streams big images in bounded slices of the original bytes, with no copy', () => {
    const big = random(3_000_000);
    const files: ExportFile[] = [
      { path: 'a/index.md', bytes: new TextEncoder().encode('# hi\n') },
      { path: 'a/big.jpg', bytes: big },
      { path: 'a/empty.jpg', bytes: new Uint8Array(0) },
    ];
    const chunks = Array.from(zipChunks(files, { chunkSize: 1 << 20 }));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(1 << 20);
    expect(chunks.some((c) => c.buffer === big.buffer)).toBe(true);
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      joined.set(c, at);
      at += c.length;
    }
    const back = unzipSync(joined);
    // Compared as Buffers: vitest's deep equality walks a 3 MB array element by element.
    expect(Buffer.from(back['a/big.jpg'] ?? []).equals(big)).toBe(true);
    expect(back['a/empty.jpg']).toEqual(new Uint8Array(0));
  });

  it('gives the same bytes as a web stream, and the same archive for a fixed mtime', async () => {
    const r = exportPost(harbourConf(), postId, 'markdown');
    if (!r.ok) throw new Error(r.error);
    const mtime = new Date('2026-05-13T10:00:00Z');
    const streamed = new Uint8Array(await new Response(zipFiles(r.value, { mtime })).arrayBuffer());
    expect(streamed).toEqual(zipToBytes(r.value, { mtime }));
    expect(Object.keys(unzipSync(streamed))).toContain('post.md');
  });

  it('refuses unsafe and duplicate paths', () => {
    const b = new Uint8Array(1);
    expect(() => zipToBytes([{ path: '../evil', bytes: b }])).toThrow(/unsafe path/);
    expect(() =>
      zipToBytes([
        { path: 'x', bytes: b },
        { path: 'x', bytes: b },
      ]),
    ).toThrow(/duplicate path/);
  });

  it('keeps Unicode names (Obsidian notes)', () => {
    const files = [{ path: 'Día 2 — 東京.md', bytes: new TextEncoder().encode('x') }];
    expect(Object.keys(unzipSync(zipToBytes(files)))).toEqual(['Día 2 — 東京.md']);
  });
});
