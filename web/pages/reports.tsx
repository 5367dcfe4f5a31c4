/** Report downloads (HTML, Markdown, JSON, CSV, PDF) and rebuilding the report. */
import type { Viewer } from '../auth.js';
import type { ReportFile } from '../report-files.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout, Notice, when } from './layout.js';

const KIND: Record<string, string> = {
  html: 'HTML (open in a browser)',
  md: 'Markdown',
  json: 'JSON (the report data)',
  csv: 'CSV (spreadsheets)',
  pdf: 'PDF',
};

/** The reports page. */
export function ReportsPage(props: {
  info: PageInfo;
  viewer: Viewer;
  folder: string;
  formats: string[];
  serviceMode: boolean;
  files: ReportFile[];
  notice?: string;
}) {
  return (
    <Layout {...props.info}>
      <h1>Reports</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <p class="muted">Files in {props.folder}, written by the latest report.</p>
      {props.files.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Written</th>
              <th scope="col">Size</th>
            </tr>
          </thead>
          <tbody>
            {props.files.map((f) => (
              <tr>
                <th scope="row">
                  <a href={`/api/report/files/${encodeURIComponent(f.name)}?download`} download={f.name}>
                    {f.name}
                  </a>
                  {f.name.endsWith('.html') ? (
                    <>
                      {' '}
                      <a href={`/api/report/files/${encodeURIComponent(f.name)}`} target="_blank" rel="noopener">
                        (open)
                      </a>
                    </>
                  ) : null}
                </th>
                <td>{KIND[f.name.split('.').pop() ?? ''] ?? ''}</td>
                <td>{when(f.modifiedAt)}</td>
                <td>{(f.bytes / 1024).toFixed(0)} KB</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Notice kind="warn">No report files yet.</Notice>
      )}
      {props.viewer.role === 'editor' ? (
        <form method="post" action="/reports/build" class="form">
          <Csrf viewer={props.viewer} />
          {props.serviceMode ? (
            <p class="muted">A worker rebuilds the report in the project’s formats ({props.formats.join(', ')}).</p>
          ) : (
            <fieldset>
              <legend>Formats</legend>
              {Object.entries(KIND).map(([f, label]) => (
                <div class="field check">
                  <input id={`fmt-${f}`} type="checkbox" name="formats" value={f} checked={props.formats.includes(f)} />
                  <label for={`fmt-${f}`}>{label}</label>
                </div>
              ))}
            </fieldset>
          )}
          <button type="submit">Analyse new documents and rebuild the report</button>
        </form>
      ) : null}
    </Layout>
  );
}
