/**
 * E-mail over SMTP with nodemailer: plain text and HTML. Every text from the data is HTML-escaped
 * (quotes were PII-redacted when the payload was built), and every wait — connecting, the greeting,
 * each command — is bounded by the delivery timeout, so a dead server costs seconds, not minutes.
 */
import nodemailer from 'nodemailer';
import type { AlertChannelConfig } from '../../config/alerts-schema.js';
import { esc } from '../../reports/charts.js';
import { isWebAddress } from '../../domain/document.js';
import type { AlertPayload } from '../payload.js';
import { fromEnv } from './http-post.js';

type EmailChannel = Extract<AlertChannelConfig, { type: 'email' }>;

/** The message as plain text. */
export function emailText(payload: AlertPayload): string {
  const out = [`${payload.project}: ${payload.title}`, ''];
  for (const f of payload.findings) {
    out.push(`* ${f.title}`, `  ${f.detail}`, `  ${f.link}`);
    for (const q of f.quotes) out.push(`  > ${q.text}${q.rating !== undefined ? ` (${q.rating}★)` : ''}`, `    ${q.url}`);
    out.push('');
  }
  if (payload.omitted) out.push(`…and ${payload.omitted} more.`);
  out.push(`All of it: ${payload.link}`, '', `Rule "${payload.rule.id}" of Review Radar (message ${payload.id}).`);
  return out.join('\n');
}

/** A link, only to web (or report file) addresses: a stored URL could be anything. */
function href(url: string, label: string): string {
  return isWebAddress(url) || url.startsWith('file:') ? `<a href="${esc(url)}">${esc(label)}</a>` : esc(label);
}

const COLOR = { critical: '#c62828', warning: '#b26a00', info: '#1f5fa8' } as const;

/** The message as HTML. */
export function emailHtml(payload: AlertPayload): string {
  const items = payload.findings.map((f) => {
    const quotes = f.quotes
      .map(
        (q) =>
          `<blockquote style="margin:6px 0;padding:4px 10px;border-left:3px solid #9db0d6">${esc(q.text)}${q.rating !== undefined ? ` <span style="color:#5b6475">(${esc(q.rating)}★)</span>` : ''} ${href(q.url, 'source')}</blockquote>`,
      )
      .join('');
    return `<li style="margin:0 0 12px"><strong style="color:${COLOR[f.severity]}">${href(f.link, f.title)}</strong><br>${esc(f.detail)}${quotes}</li>`;
  });
  return `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#1d2330">
<h2 style="font-size:18px">${esc(payload.project)}: ${esc(payload.title)}</h2>
<ul style="padding-left:18px">${items.join('\n')}</ul>
${payload.omitted ? `<p>…and ${esc(payload.omitted)} more.</p>` : ''}<p>${href(payload.link, 'Open in Review Radar')}</p>
<p style="color:#5b6475;font-size:12px">Rule “${esc(payload.rule.id)}” of Review Radar (message ${esc(payload.id)}).</p>
</body></html>`;
}

/** Delivers a payload by e-mail. */
export async function sendEmail(channel: EmailChannel, payload: AlertPayload, timeoutMs: number): Promise<void> {
  const pass = channel.passwordEnv ? fromEnv(channel.passwordEnv, 'the SMTP password', channel.id) : undefined;
  const transport = nodemailer.createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.secure,
    requireTLS: channel.requireTLS,
    ...(channel.user ? { auth: { user: channel.user, ...(pass ? { pass } : {}) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({
      from: channel.from,
      to: channel.to,
      subject: `[${payload.project}] ${payload.title}`,
      text: emailText(payload),
      html: emailHtml(payload),
      headers: { 'X-Radar-Delivery': payload.id },
    });
  } catch (err) {
    throw new Error(`SMTP ${channel.host}:${channel.port}: ${(err as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`);
  } finally {
    transport.close();
  }
}
