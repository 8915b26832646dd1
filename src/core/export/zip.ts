// Zip an export without holding it twice: entries are produced one after another and image
// bytes pass through as views of the caller's arrays (stored, level 0: JPEG/PNG/WebP don't
// shrink, and deflating them would cost most of the time). Text is deflated. No ZIP64 (fflate
// has none), so an archive must stay under 4 GB.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { isSafeRelativePath } from './escape-filename';
import type { ExportFile } from './types';

export interface ZipOptions {
  /** Modification time written for every entry; fix it for byte-identical archives. */
  mtime?: Date;
  /** Image bytes are handed on in slices of this size (bounded chunks for the consumer). */
  chunkSize?: number;
}

const textLike = /\.(md|markdown|txt|json|ya?ml|toml|html?|css|csv|svg)$/i;

/** The archive as a sequence of chunks; pulling drives the work, so memory stays flat. */
export function* zipChunks(files: readonly ExportFile[], options: ZipOptions = {}): Generator<Uint8Array> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const mtime = options.mtime ?? new Date();
  const seen = new Set<string>();
  const queue: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((e, data) => {
    if (e) failure = e;
    else queue.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (queue.length > 0) {
      const next = queue.shift();
      if (next && next.length > 0) yield next;
    }
  };
  for (const file of files) {
    if (!isSafeRelativePath(file.path)) throw new Error(`unsafe path in zip: ${file.path}`);
    if (seen.has(file.path)) throw new Error(`duplicate path in zip: ${file.path}`);
    seen.add(file.path);
    const entry = textLike.test(file.path)
      ? new ZipDeflate(file.path, { level: 6 })
      : new ZipPassThrough(file.path);
    entry.mtime = mtime;
    zip.add(entry);
    const { bytes } = file;
    if (bytes.length === 0) entry.push(new Uint8Array(0), true);
    for (let at = 0; at < bytes.length; at += chunkSize) {
      entry.push(bytes.subarray(at, at + chunkSize), at + chunkSize >= bytes.length);
      yield* drain();
    }
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** The archive as a web stream (browser download, `new Response(stream)`, Node's Readable.fromWeb). */
export function zipFiles(files: readonly ExportFile[], options: ZipOptions = {}): ReadableStream<Uint8Array> {
  const chunks = zipChunks(files, options);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}

/** The whole archive in one array (small exports, tests). */
export function zipToBytes(files: readonly ExportFile[], options: ZipOptions = {}): Uint8Array {
  const parts = Array.from(zipChunks(files, options));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
