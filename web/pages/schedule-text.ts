/** Schedules in words, as marketers read them. */
import { presetOf } from '../catalog.js';

/** A cron expression in words. */
export function describeCron(cron: string | undefined, tz = 'UTC'): string {
  if (!cron) return 'not scheduled';
  const p = presetOf(cron);
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  if (p.preset === 'hourly') return `hourly at :${p.time.slice(3)}`;
  if (p.preset === 'daily') return `daily at ${p.time} ${tz}`;
  if (p.preset === 'weekly') return `${days[p.weekday]}s at ${p.time} ${tz}`;
  // A list of weekdays at one time ("0 7 * * 1,4"): Mondays and Thursdays at 07:00.
  const f = cron.trim().split(/\s+/);
  if (f.length === 5 && /^\d+$/.test(f[0]!) && /^\d+$/.test(f[1]!) && f[2] === '*' && f[3] === '*' && /^[0-6](,[0-6])+$/.test(f[4]!)) {
    const names = f[4]!.split(',').map((d) => `${days[Number(d)]}s`);
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} at ${f[1]!.padStart(2, '0')}:${f[0]!.padStart(2, '0')} ${tz}`;
  }
  return `cron "${cron}" ${tz}`;
}
