/** Forgetting a reviewer on request: a confirmation page, then the removal (as `radar forget --author`). */
import type { Viewer } from '../auth.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice } from './layout.js';

/** The confirmation page. */
export function ForgetPage(props: {
  info: PageInfo;
  viewer: Viewer;
  authorKey: string;
  documents: number;
  done?: { documents: number; analyses: number; authors: number; personaSets: number };
}) {
  return (
    <Layout {...props.info}>
      <h1>Forget a reviewer</h1>
      {props.done ? (
        <Notice>
          Removed {props.done.documents} documents, {props.done.analyses} analyses, {props.done.authors} profile and their quotes from{' '}
          {props.done.personaSets} persona sets. Later crawls will not store this reviewer again. Report files written before keep them
          until the report is rebuilt (Reports), or run radar forget --author {props.authorKey} to clean them too.
        </Notice>
      ) : (
        <>
          <p>
            Reviewer <code>{props.authorKey}</code> (a pseudonymous key) wrote <strong>{props.documents}</strong> of the stored documents.
            Forgetting them removes their documents, analyses, profile and persona quotes, and keeps later crawls from storing them again.
            This cannot be undone.
          </p>
          {props.viewer.role === 'editor' ? (
            <form method="post" action={`/authors/${encodeURIComponent(props.authorKey)}/forget`}>
              <Csrf viewer={props.viewer} />
              <button type="submit" class="danger">
                Forget this reviewer
              </button>{' '}
              <a href="/explorer">Cancel</a>
            </form>
          ) : (
            <Notice kind="warn">Only an editor can remove a reviewer.</Notice>
          )}
        </>
      )}
    </Layout>
  );
}
