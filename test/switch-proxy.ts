/**
 * A loopback proxy in front of a test site that can make a path "break" the way sites do: a
 * redesign that leaves the page without reviews, or a block (HTTP 403). Everything else passes
 * through unchanged.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface SwitchProxy {
  /** Base URL of the proxy. */
  url: string;
  /** Serves a page with no reviews for paths starting with this prefix from now on. */
  empty(prefix: string): void;
  /** Answers paths starting with this prefix with an HTTP error (403: a block) from now on. */
  refuse(prefix: string, status: number): void;
  /** Stops the proxy. */
  close(): Promise<void>;
}

const EMPTY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>We have moved</title></head>
<body><h1>Our shop has a new home</h1><p>Product pages are being rebuilt. Please come back soon.</p></body></html>`;

/** Starts a proxy to `target` (a base URL such as http://127.0.0.1:4321). */
export async function startSwitchProxy(target: string): Promise<SwitchProxy> {
  const emptied: string[] = [];
  const refused = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const status = [...refused].find(([p]) => path.startsWith(p))?.[1];
    if (status) {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Access denied</h1>');
      return;
    }
    if (emptied.some((p) => path.startsWith(p))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(EMPTY_PAGE);
      return;
    }
    try {
      const upstream = await fetch(`${target}${path}`, { redirect: 'manual', headers: { 'user-agent': req.headers['user-agent'] ?? '' } });
      const headers: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v;
      });
      // Redirects point at the target's own origin: keep them on the proxy.
      if (headers.location?.startsWith(target)) headers.location = headers.location.slice(target.length);
      res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${(err as Error).message}`);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    empty: (prefix) => emptied.push(prefix),
    refuse: (prefix, status) => refused.set(prefix, status),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
