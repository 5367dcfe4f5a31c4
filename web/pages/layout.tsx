/** The frame of every page: header with the project and navigation, the signed-in role, and the assets. */
import type { Child } from 'hono/jsx';
import type { Viewer } from '../auth.js';

/** What the layout needs to know. */
export interface PageInfo {
  /** Page title. */
  title: string;
  /** Project name. */
  project: string;
  /** Path of the page (marks the current navigation entry). */
  path: string;
  /** Who is looking (absent on the sign-in page). */
  viewer?: Viewer;
  /** Service mode (shows the queues page). */
  serviceMode?: boolean;
  /** Load the charting library. */
  charts?: boolean;
}

const NAV: { href: string; label: string; service?: boolean }[] = [
  { href: '/', label: 'Overview' },
  { href: '/explorer', label: 'Reviews' },
  { href: '/personas', label: 'Personas' },
  { href: '/themes', label: 'Themes' },
  { href: '/reports', label: 'Reports' },
  { href: '/sources', label: 'Sources' },
  { href: '/schedules', label: 'Schedules' },
  { href: '/runs', label: 'Runs' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/queues', label: 'Queues', service: true },
];

function current(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`) || (href === '/sources' && path.startsWith('/brands'));
}

/** A whole page. */
export function Layout(props: PageInfo & { children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        {props.viewer?.csrf ? <meta name="csrf-token" content={props.viewer.csrf} /> : null}
        <title>{`${props.title} — ${props.project} — Review Radar`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/htmx.min.js" defer></script>
        {props.charts ? <script src="/assets/chart.umd.min.js" defer></script> : null}
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/">
            Review Radar <span class="project">{props.project}</span>
          </a>
          {props.viewer ? (
            <nav aria-label="Main">
              <ul>
                {NAV.filter((n) => !n.service || props.serviceMode).map((n) => (
                  <li>
                    <a href={n.href} aria-current={current(props.path, n.href) ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {props.viewer && props.viewer.via !== 'open' ? (
            <form method="post" action="/signout" class="signout">
              <span class="role">{props.viewer.role}</span>
              <input type="hidden" name="_csrf" value={props.viewer.csrf} />
              <button type="submit" class="link">
                Sign out
              </button>
            </form>
          ) : null}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

/** A hidden CSRF field for a form. */
export function Csrf(props: { viewer: Viewer }) {
  return <input type="hidden" name="_csrf" value={props.viewer.csrf} />;
}

/** A message box (notice or error). */
export function Notice(props: { kind?: 'ok' | 'error' | 'warn'; children?: Child }) {
  return (
    <div class={`notice ${props.kind ?? 'ok'}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** Formats an ISO time as "2026-03-02 06:00 UTC". */
export function when(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '–';
}

/** Formats a share as a percentage. */
export function pct(share: number | undefined): string {
  return share === undefined ? '–' : `${Math.round(share * 100)}%`;
}
