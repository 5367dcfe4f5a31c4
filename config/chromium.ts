/**
 * Launching the system Chromium (browsers are never downloaded): where it is and the arguments it
 * needs on these machines. Used by browser crawls and by the PDF report alike.
 */
import { existsSync } from 'node:fs';
import { InputError } from '../domain/errors.js';
import type { RadarConfig } from './schema.js';

/** Arguments Chromium needs on these machines (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Memory: one renderer per site at most two at a time, no site-isolation processes, small JS heaps.
  '--renderer-process-limit=2',
  '--disable-site-isolation-trials',
  '--disable-features=site-per-process,Translate,BackForwardCache,MediaRouter',
  '--disable-extensions',
  '--mute-audio',
  '--js-flags=--max-old-space-size=256',
];

/** Chromium executable: settings, then RADAR_CHROMIUM_PATH, then /usr/bin/chromium. */
export function chromiumPath(settings: Pick<RadarConfig['crawl'], 'chromiumPath'>): string {
  return process.env.RADAR_CHROMIUM_PATH || settings.chromiumPath || '/usr/bin/chromium';
}

/** The Chromium to launch, or an error that says how to get one. */
export function requireChromium(settings: Pick<RadarConfig['crawl'], 'chromiumPath'>, purpose: string): string {
  const path = chromiumPath(settings);
  if (!existsSync(path)) {
    throw new InputError(
      `${purpose} needs Chromium, and there is none at ${path}: install it (apt-get install -y chromium) or point RADAR_CHROMIUM_PATH or crawl.chromiumPath at one`,
    );
  }
  return path;
}
