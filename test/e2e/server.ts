// Serves fixture pages and videos on 127.0.0.1 for the end-to-end tests. Videos answer
// Range requests, which browsers need to seek. With `tls`, it speaks HTTPS with the test
// certificate (test/fixtures/tls) for the real host names of YouTube and Vimeo, which the
// test proxy (proxy.ts) tunnels here: the pages shaped like theirs are then served under
// their own URLs, where the production manifest's matches apply.
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: Record<string, string> = {
  pages: path.join(root, 'test/fixtures/pages'),
  videos: path.join(root, 'test/.cache/videos'),
  demo: path.join(root, 'demo'),
};
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.json': 'application/json',
};

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = range[1] ? Number(range[1]) : 0;
    const end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    res.writeHead(206, {
      ...headers,
      'Content-Type': type,
      'Accept-Ranges': 'bytes',
      'Content-Range': `bytes ${start}-${end}/${info.size}`,
      'Content-Length': String(end - start + 1),
    });
    pipeFile(createReadStream(file, { start, end }), res);
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    'Content-Length': String(info.size),
  });
  pipeFile(createReadStream(file), res);
}

/** Streams a file to a response; a read error or a client gone mid-way ends both, never throws. */
function pipeFile(stream: ReturnType<typeof createReadStream>, res: ServerResponse): void {
  stream.on('error', () => res.destroy());
  res.on('error', () => stream.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** The host names the test certificate is for; the proxy tunnels HTTPS for these to a `tls` server. */
export const fakeHosts = [
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'vimeo.com',
  'player.vimeo.com',
  'talks-blog.example',
];

/** Pages shaped like the sites' own, by path: YouTube's embed player, a Vimeo video page and its player. */
function sitePage(pathname: string): string | null {
  if (/^\/embed\/[A-Za-z0-9_-]{11}$/.test(pathname)) return 'youtube-embed.html';
  if (/^\/\d{5,12}$/.test(pathname)) return 'vimeo-video.html';
  if (/^\/video\/\d{5,12}$/.test(pathname)) return 'vimeo-player.html';
  return null;
}

/**
 * `corsVideos`: whether videos carry Access-Control-Allow-Origin (off for the "other site" server).
 * `tls`: serve HTTPS with the test certificate (for the fake hosts, through the proxy).
 * `youtubePage`: another YouTube-like page for /youtube/watch (the demo's own talks).
 */
export async function startServer(
  options: { corsVideos?: boolean; host?: string; tls?: boolean; youtubePage?: string } = {},
): Promise<FixtureServer> {
  const handler: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, top, ...rest] = url.pathname.split('/');
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (options.corsVideos !== false) headers['Access-Control-Allow-Origin'] = '*';
    // The YouTube-like page is one template for every /youtube/watch?v=ID.
    if (top === 'youtube') {
      void serveFile(
        req,
        res,
        options.youtubePage ?? path.join(dirs.pages ?? '', 'youtube-watch.html'),
        headers,
      );
      return;
    }
    const site = sitePage(url.pathname);
    if (site) {
      void serveFile(req, res, path.join(dirs.pages ?? '', site), headers);
      return;
    }
    const dir = top ? dirs[top] : undefined;
    const rel = path.normalize(rest.join('/'));
    if (!dir || rel.startsWith('..') || path.isAbsolute(rel)) {
      res.writeHead(404).end('not found');
      return;
    }
    void serveFile(req, res, path.join(dir, rel), headers);
  };
  const tlsDir = path.join(root, 'test/fixtures/tls');
  const server = options.tls
    ? createTlsServer(
        {
          key: readFileSync(path.join(tlsDir, 'key.pem')),
          cert: readFileSync(path.join(tlsDir, 'cert.pem')),
        },
        handler,
      )
    : createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
