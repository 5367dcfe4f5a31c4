/**
 * A local HTTP server for crawler tests: canned pages (saved real pages from ../shared/fixtures or
 * strings written in the test) on a loopback port — never the network.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned response. */
export interface Canned {
  /** HTTP status (default 200). */
  status?: number;
  /** Headers (default content-type text/html; charset=utf-8). */
  headers?: Record<string, string>;
  /** Body. */
  body: string | Buffer;
}

/** A route: a canned response or a handler. */
export type Route = Canned | ((req: IncomingMessage, res: ServerResponse) => void);

/** A running test server. */
export interface TestServer {
  /** Base URL without a trailing slash. */
  url: string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves routes keyed by path (with query string, if any, falling back to the bare path). */
export async function serve(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const full = req.url ?? '/';
    const path = full.split('?')[0]!;
    hits.set(full, (hits.get(full) ?? 0) + 1);
    const route = routes[full] ?? routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Not found</h1>');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers }).end(route.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
