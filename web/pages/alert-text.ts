/** Alert rules and channels in words, for the Alerts page: what a rule watches, when it sends, where a channel goes. */
import type { AlertChannelConfig, AlertRuleConfig } from '../../config/alerts-schema.js';

const pctPoints = (share: number) => `${Math.round(share * 100)} points`;

/** What a rule looks for, with its thresholds. */
export function ruleWhat(rule: AlertRuleConfig): string {
  switch (rule.type) {
    case 'reviews':
      return `new reviews at or below ${rule.maxStars}★${rule.negative ? ', or whose text reads negative' : ''}`;
    case 'themes':
      return (
        [rule.negativeShift ? 'aspects and themes turning negative' : '', rule.emerging ? 'newly emerging themes' : '']
          .filter(Boolean)
          .join('; ') || 'nothing (negativeShift and emerging are both off)'
      );
    case 'competitors': {
      const what = [
        rule.rating ? 'rating' : '',
        rule.aspects ? 'aspect sentiment' : '',
        rule.personas ? 'competitor-only personas' : '',
        rule.comparisons ? 'comparisons' : '',
      ].filter(Boolean);
      return what.length
        ? `competitors overtaking you: ${what.join(', ')} (each side on at least ${rule.minSupport})`
        : 'nothing (every check is off)';
    }
    case 'personas':
      return `a persona appearing, vanishing, or its share changing by ${pctPoints(rule.minShareChange)} or more`;
    case 'source-health':
      return `a crawl blocked or empty, fewer than ${Math.round(rule.dropRatio * 100)}% of the items per page of the ${rule.lookback} runs before, or ${rule.failures} failures in a row`;
  }
}

const DAY = (d: string) => `${d[0]!.toUpperCase()}${d.slice(1)}s`;

/** When a rule sends. */
export function digestText(rule: AlertRuleConfig): string {
  switch (rule.digest) {
    case 'immediate':
      return 'at once, one message per finding';
    case 'run':
      return 'one digest per report run';
    case 'daily':
      return `daily digest at ${rule.at} ${rule.timezone}`;
    case 'weekly':
      return `weekly digest, ${DAY(rule.day)} at ${rule.at} ${rule.timezone}`;
  }
}

/** What a rule watches: its scope, or the rule type's default. */
export function scopeText(rule: AlertRuleConfig): string {
  const parts = (['brands', 'products', 'sources'] as const)
    .filter((k) => rule.scope[k]?.length)
    .map((k) => `${k}: ${rule.scope[k]!.join(', ')}`);
  if (parts.length) return parts.join('; ');
  return rule.type === 'reviews' || rule.type === 'themes' ? 'your own brands' : 'every brand';
}

/** Where a channel sends — addresses written in clear, and the NAMES of the environment variables that hold secrets (never their values). */
export function channelWhere(channel: AlertChannelConfig): { where: string; secrets: { env: string; what: string }[] } {
  switch (channel.type) {
    case 'webhook':
      return {
        where: channel.url ? `POST to ${channel.url}` : `POST to the URL in ${channel.urlEnv}`,
        secrets: [
          ...(channel.urlEnv ? [{ env: channel.urlEnv, what: 'receiver URL' }] : []),
          ...(channel.secretEnv ? [{ env: channel.secretEnv, what: 'signing secret (HMAC-SHA256)' }] : []),
        ],
      };
    case 'slack':
      return { where: `the incoming webhook in ${channel.urlEnv}`, secrets: [{ env: channel.urlEnv, what: 'webhook URL' }] };
    case 'email':
      return {
        where: `e-mail to ${channel.to.join(', ')} from ${channel.from} via ${channel.host}:${channel.port}${channel.secure ? ' (TLS)' : channel.requireTLS ? ' (STARTTLS required)' : ''}${channel.user ? `, login ${channel.user}` : ''}`,
        secrets: channel.passwordEnv ? [{ env: channel.passwordEnv, what: 'SMTP password' }] : [],
      };
  }
}
