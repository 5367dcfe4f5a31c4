/** The page shown for 403, 404 and 500 answers to a browser. */
import type { Context } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { Layout } from './layout.js';

/** An error page. */
export function errorPage(app: AppContext, c: Context<AppEnv>, status: number, message: string) {
  const viewer = c.get('viewer');
  return (
    <Layout title={`Error ${status}`} project={app.project.name()} path={c.req.path} viewer={viewer} serviceMode={!!app.queues}>
      <h1>
        {status === 404
          ? 'Not found'
          : status === 403
            ? 'Not allowed'
            : status === 503
              ? 'A service is not answering'
              : 'Something went wrong'}
      </h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to the overview</a>
      </p>
    </Layout>
  );
}
