/**
 * Real receivers for the alert tests, on loopback: an HTTP server that records what webhooks post
 * (and can answer with an error, or not at all), and an SMTP server (the `smtp-server` package,
 * the same protocol a mail relay speaks) that parses what it receives with `mailparser`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One request an HTTP receiver got. */
export interface Received {
  /** Path with query. */
  path: string;
  /** Request headers. */
  headers: IncomingHttpHeaders;
  /** The raw body. */
  body: string;
}

/** A running HTTP receiver. */
export interface HttpReceiver {
  /** Base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Every request, in order (those answered with an error too). */
  received: Received[];
  /** What to answer the next requests: a status, or "hang" to never answer. */
  answer: number | 'hang';
  /** Stops the server. */
  close(): Promise<void>;
}

/** Starts an HTTP receiver on a free loopback port. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const receiver = { received: [] as Received[], answer: 200 as number | 'hang' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (receiver.answer === 'hang') return;
      res
        .writeHead(receiver.answer, { 'content-type': 'text/plain' })
        .end(receiver.answer < 300 ? 'ok' : 'receiver is down for maintenance');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  });
}

/** A running SMTP server. */
export interface SmtpReceiver {
  /** Port on 127.0.0.1. */
  port: number;
  /** Messages received, parsed. */
  messages: ParsedMail[];
  /** Logins seen (user and password). */
  logins: { user: string; pass: string }[];
  /** Stops the server. */
  close(): Promise<void>;
}

/** Starts an SMTP server on a free loopback port; it takes a login (any user, the given password) over plain SMTP. */
export async function startSmtpReceiver(password: string): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const logins: { user: string; pass: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
      if (auth.password !== password) return done(new Error('invalid login'));
      done(null, { user: auth.username });
    },
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, logins, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
