// A logging HTTP proxy on 127.0.0.1 for the network tests. The browser sends every request
// through it (loopback included); it forwards only those for the fixture server and refuses
// everything else, after writing it down. So a request the extension makes to anywhere else
// is both seen and kept from leaving the machine.
import { createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** Absolute URL, or host:port for a CONNECT tunnel (HTTPS, WebSocket over TLS). */
  url: string;
  forwarded: boolean;
  /** Milliseconds since the proxy started, to tell one phase of a session from another. */
  at: number;
}

export interface LoggingProxy {
  /** host:port to give the browser. */
  address: string;
  log: ProxiedRequest[];
  /** Requests that were for somewhere other than the fixture server. */
  refused(): ProxiedRequest[];
  close(): Promise<void>;
}

/** HTTPS for these host names goes to a local TLS server (the fixture server with `tls`). */
export interface Tunnels {
  hosts: readonly string[];
  /** The local TLS server's port on 127.0.0.1. */
  port: number;
}

/** `allowedOrigin`: the fixture server, e.g. http://127.0.0.1:41234. */
export async function startProxy(allowedOrigin: string, tunnels?: Tunnels): Promise<LoggingProxy> {
  const allowed = new URL(allowedOrigin);
  const started = Date.now();
  const log: ProxiedRequest[] = [];
  const note = (method: string, url: string, forwarded: boolean) =>
    log.push({ method, url, forwarded, at: Date.now() - started });
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const url = req.url ?? '';
    let target: URL | undefined;
    try {
      target = new URL(url);
    } catch {
      // A request that was not meant for a proxy (a relative path): not forwarded anywhere.
    }
    const forward = target?.protocol === 'http:' && target.host === allowed.host;
    note(req.method ?? '?', url, forward);
    if (!forward || !target) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      {
        host: allowed.hostname,
        port: allowed.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        // A browser that drops the request (it does so to media range requests all the time)
        // destroys the upstream below, which ends this answer with ECONNRESET ("aborted"):
        // without a handler that is an uncaught exception that fails the whole run.
        answer.on('error', () => res.destroy());
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.on('error', () => upstream.destroy());
    res.on('error', () => upstream.destroy());
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  // HTTPS and secure WebSockets ask for a tunnel: only the fake hosts get one, to the local
  // TLS server, so a page at https://www.youtube.com/... is served by the fixtures.
  server.on('connect', (req, socket: Socket, head: Buffer) => {
    // The socket is ours once CONNECT arrives: a browser that resets it (as Chromium does to
    // a refused tunnel) must not become an uncaught ECONNRESET that fails the whole run.
    socket.on('error', () => upstream?.destroy());
    let upstream: Socket | undefined;
    const target = req.url ?? '';
    const [host = '', port = ''] = target.split(':');
    const tunnel = tunnels && port === '443' && tunnels.hosts.includes(host);
    note('CONNECT', target, Boolean(tunnel));
    if (!tunnel) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const up = connect(tunnels.port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) up.write(head);
      up.pipe(socket);
      socket.pipe(up);
    });
    upstream = up;
    sockets.add(up);
    up.on('close', () => sockets.delete(up));
    up.on('error', () => socket.destroy());
  });
  server.on('upgrade', (req, socket: Socket) => {
    note('UPGRADE', req.url ?? '', false);
    socket.destroy();
  });
  server.on('connection', (s) => {
    s.on('error', () => s.destroy());
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    log,
    refused: () => log.filter((r) => !r.forwarded),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
