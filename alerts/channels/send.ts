/** Sends a payload through a configured channel, whatever its type. */
import type { AlertChannelConfig } from '../../config/alerts-schema.js';
import type { AlertPayload } from '../payload.js';
import { sendEmail } from './email.js';
import { sendSlack } from './slack.js';
import { sendWebhook } from './webhook.js';

/** Delivers `payload` through `channel` within `timeoutMs`; throws with the reason when it cannot. */
export async function sendThrough(channel: AlertChannelConfig, payload: AlertPayload, timeoutMs: number, userAgent: string): Promise<void> {
  switch (channel.type) {
    case 'webhook':
      return sendWebhook(channel, payload, timeoutMs, userAgent);
    case 'slack':
      return sendSlack(channel, payload, timeoutMs, userAgent);
    case 'email':
      return sendEmail(channel, payload, timeoutMs);
  }
}
