/** The sign-in page (with RADAR_TOKEN set) and signing out. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext, AppEnv } from '../app-context.js';
import { safeLocalPath } from '../security.js';
import { Layout, Notice } from './layout.js';

function SignIn(props: { project: string; next: string; error?: string }) {
  return (
    <Layout title="Sign in" project={props.project} path="/signin">
      <section class="narrow">
        <h1>Sign in</h1>
        {props.error ? <Notice kind="error">{props.error}</Notice> : null}
        <form method="post" action="/signin" class="form">
          <input type="hidden" name="next" value={props.next} />
          <div class="field">
            <label for="token">Access token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
            <p class="hint">
              The editor token (RADAR_TOKEN) lets you change sources and schedules; the viewer token (RADAR_VIEWER_TOKEN) lets you read and
              export.
            </p>
          </div>
          <button type="submit">Sign in</button>
        </form>
      </section>
    </Layout>
  );
}

/** Registers /signin and /signout. */
export function signInRoutes(web: OpenAPIHono<AppEnv>, app: AppContext): void {
  web.get('/signin', (c) => {
    if (app.access.open) return c.redirect('/', 303);
    return c.html(<SignIn project={app.project.name()} next={safeLocalPath(c.req.query('next'))} />);
  });
  web.post('/signin', async (c) => {
    if (app.access.open) return c.redirect('/', 303);
    const form = await c.req.parseBody();
    const next = safeLocalPath(String(form.next ?? '/'));
    const outcome = await app.access.signIn(c, String(form.token ?? ''));
    if ('error' in outcome) {
      if (outcome.retryAfter) c.header('retry-after', String(outcome.retryAfter));
      // The page itself is answered normally (a browser would log a 401 as an error); scripts use the API's 401.
      return c.html(<SignIn project={app.project.name()} next={next} error={outcome.error} />, outcome.status === 429 ? 429 : 200);
    }
    app.access.startSession(c, outcome.role);
    return c.redirect(next, 303);
  });
  web.post('/signout', async (c) => {
    // Signing out needs no CSRF check to be safe: the worst a forged request does is sign you out.
    app.access.endSession(c);
    return c.redirect(app.access.open ? '/' : '/signin', 303);
  });
}
