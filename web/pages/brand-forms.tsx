/** The brand and product forms: add, edit, delete. */
import type { Viewer } from '../auth.js';
import { Check, Field, FormErrors, liveCheck, type Errors } from './forms.js';
import type { PageInfo } from './layout.js';
import { Csrf, Layout } from './layout.js';

/** The brand form. */
export function BrandForm(props: {
  info: PageInfo;
  viewer: Viewer;
  values: { id?: string; name?: string; own?: boolean; aliases?: string };
  original?: string;
  errors: Errors;
  problems?: string[];
}) {
  const v = props.values;
  const action = props.original ? `/brands/${encodeURIComponent(props.original)}/edit` : '/brands/new';
  return (
    <Layout {...props.info}>
      <h1>{props.original ? `Edit brand ${props.original}` : 'Add a brand'}</h1>
      <FormErrors errors={props.errors} problems={props.problems} />
      <form method="post" action={action} class="form" novalidate {...liveCheck(props.viewer, '/brands/check')}>
        <Csrf viewer={props.viewer} />
        <input type="hidden" name="original" value={props.original ?? ''} />
        <Field name="name" label="Name" value={v.name} errors={props.errors} required hint="As shown in reports, e.g. Copperleaf." />
        <Field
          name="id"
          label="Id"
          value={v.id}
          errors={props.errors}
          required
          hint='Lower-case letters, digits, "-" and "_", e.g. copperleaf. Used in exports and schedules.'
        />
        <Check name="own" label="This is our own brand" checked={v.own} errors={props.errors} hint="Leave unticked for a competitor." />
        <Field
          name="aliases"
          label="Other names (comma-separated)"
          value={v.aliases}
          errors={props.errors}
          hint="Spellings customers use; they link mentions and comparisons to the brand."
        />
        <div class="actions">
          <button type="submit">Save brand</button>
          <a href="/sources">Cancel</a>
        </div>
      </form>
      {props.original ? (
        <form method="post" action={`/brands/${encodeURIComponent(props.original)}/delete`} class="danger">
          <Csrf viewer={props.viewer} />
          <p>Deleting the brand removes its products and sources from the project; stored reviews stay.</p>
          <button type="submit" class="danger">
            Delete brand {props.original}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** The product form. */
export function ProductForm(props: {
  info: PageInfo;
  viewer: Viewer;
  brand: string;
  values: { id?: string; name?: string; aliases?: string };
  original?: string;
  errors: Errors;
  problems?: string[];
}) {
  const v = props.values;
  const base = `/brands/${encodeURIComponent(props.brand)}/products`;
  const action = props.original ? `${base}/${encodeURIComponent(props.original)}/edit` : `${base}/new`;
  return (
    <Layout {...props.info}>
      <h1>{props.original ? `Edit product ${props.original}` : `Add a product of ${props.brand}`}</h1>
      <FormErrors errors={props.errors} problems={props.problems} />
      <form
        method="post"
        action={action}
        class="form"
        novalidate
        {...liveCheck(props.viewer, `/brands/${encodeURIComponent(props.brand)}/products/check`)}
      >
        <Csrf viewer={props.viewer} />
        <input type="hidden" name="original" value={props.original ?? ''} />
        <Field name="name" label="Name" value={v.name} errors={props.errors} required />
        <Field name="id" label="Id" value={v.id} errors={props.errors} required hint='Lower-case letters, digits, "-" and "_".' />
        <Field name="aliases" label="Other names (comma-separated)" value={v.aliases} errors={props.errors} />
        <div class="actions">
          <button type="submit">Save product</button>
          <a href="/sources">Cancel</a>
        </div>
      </form>
      {props.original ? (
        <form method="post" action={`${base}/${encodeURIComponent(props.original)}/delete`} class="danger">
          <Csrf viewer={props.viewer} />
          <button type="submit" class="danger">
            Delete product {props.original}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
