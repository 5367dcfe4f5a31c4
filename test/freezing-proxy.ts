/**
 * A loopback TCP proxy in front of a real server that can be told to stop passing the server's
 * replies on: what radar sees when its database stops answering (a stuck server, a frozen VM, a
 * network partition), without breaking the shared test server itself.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A running proxy. */
export interface FreezingProxy {
  /** Port the proxy listens on (127.0.0.1). */
  port: number;
  /** From now on, replies of the server are held back (connections stay open). */
  freeze(): void;
  /** Stops the proxy and closes every connection. */
  close(): Promise<void>;
}

/** Starts a proxy to `host:port`. */
export async function startFreezingProxy(host: string, port: number): Promise<FreezingProxy> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!frozen) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => {
      frozen = true;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
