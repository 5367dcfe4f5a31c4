/**
 * The generic webhook: the payload as JSON, signed with HMAC-SHA256 when the channel names a
 * secret. The signature covers the timestamp and the raw body (`<timestamp>.<body>`), so a receiver
 * can reject both forged and replayed deliveries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AlertChannelConfig } from '../../config/alerts-schema.js';
import type { AlertPayload } from '../payload.js';
import { fromEnv, postJson } from './http-post.js';

type WebhookChannel = Extract<AlertChannelConfig, { type: 'webhook' }>;

/** Header carrying the signature: `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-radar-signature';
/** Header carrying the Unix time (seconds) the signature covers. */
export const TIMESTAMP_HEADER = 'x-radar-timestamp';
/** Header carrying the message id (the same on every retry). */
export const DELIVERY_HEADER = 'x-radar-delivery';

/** The signature of a body sent at `timestamp` (Unix seconds): hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Whether a received body carries a valid signature (what a receiver checks; constant-time). */
export function verifySignature(secret: string, timestamp: string, body: string, header: string | undefined): boolean {
  const expected = Buffer.from(`sha256=${signBody(secret, timestamp, body)}`);
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Delivers a payload to a webhook channel. */
export async function sendWebhook(channel: WebhookChannel, payload: AlertPayload, timeoutMs: number, userAgent: string): Promise<void> {
  const url = channel.url ?? fromEnv(channel.urlEnv!, 'the receiver URL', channel.id);
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    [DELIVERY_HEADER]: payload.id,
    'idempotency-key': payload.id,
    [TIMESTAMP_HEADER]: timestamp,
  };
  if (channel.secretEnv)
    headers[SIGNATURE_HEADER] = `sha256=${signBody(fromEnv(channel.secretEnv, 'the signing secret', channel.id), timestamp, body)}`;
  await postJson(url, body, headers, timeoutMs);
}
