/**
 * The Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat, Discord's /slack
 * endpoint): one `text` in Slack's mrkdwn — the title, each finding with its link, and short quotes.
 * Text from reviews is escaped (`&`, `<`, `>`), so a review cannot ping a channel or forge a link.
 */
import type { AlertChannelConfig } from '../../config/alerts-schema.js';
import type { AlertPayload } from '../payload.js';
import { fromEnv, postJson } from './http-post.js';

type SlackChannel = Extract<AlertChannelConfig, { type: 'slack' }>;

/** Text escaped for Slack mrkdwn. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link in Slack mrkdwn; the label loses the characters that would end it early. */
function link(url: string, label: string): string {
  return `<${url.replace(/[<>| ]/g, encodeURIComponent)}|${slackEscape(label).replace(/\|/g, '¦')}>`;
}

const ICON = { critical: ':red_circle:', warning: ':warning:', info: ':information_source:' } as const;

/** The message text. */
export function slackText(payload: AlertPayload): string {
  const lines = [`*${slackEscape(`${payload.project}: ${payload.title}`)}*`];
  for (const f of payload.findings) {
    lines.push(`${ICON[f.severity]} ${link(f.link, f.title)}`, `    ${slackEscape(f.detail)}`);
    for (const q of f.quotes) {
      lines.push(`    > ${slackEscape(q.text)}${q.rating !== undefined ? ` (${q.rating}★)` : ''} ${link(q.url, 'source')}`);
    }
  }
  if (payload.omitted) lines.push(`…and ${payload.omitted} more: ${link(payload.link, 'see them all')}`);
  else lines.push(link(payload.link, 'Open in Review Radar'));
  return lines.join('\n');
}

/** Delivers a payload to a Slack-compatible incoming webhook. */
export async function sendSlack(channel: SlackChannel, payload: AlertPayload, timeoutMs: number, userAgent: string): Promise<void> {
  const url = fromEnv(channel.urlEnv, 'the incoming-webhook URL', channel.id);
  await postJson(
    url,
    JSON.stringify({ text: slackText(payload), unfurl_links: false, unfurl_media: false }),
    { 'user-agent': userAgent },
    timeoutMs,
  );
}
