/** Form parts shared by the marketers' pages: labelled fields with their error beside them. */
import type { Child } from 'hono/jsx';
import type { Viewer } from '../auth.js';

/** Errors by field name. */
export type Errors = Record<string, string>;

/** A labelled text input with its hint and error. */
export function Field(props: {
  name: string;
  label: string;
  value?: string | number;
  errors: Errors;
  type?: string;
  hint?: string;
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  placeholder?: string;
  list?: string;
}) {
  const error = props.errors[props.name];
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value === undefined ? '' : String(props.value)}
        required={props.required}
        min={props.min}
        max={props.max}
        placeholder={props.placeholder}
        list={props.list}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint)}
      />
      <FieldNotes id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** The ids of a field's error and hint, for its aria-describedby. */
function describedBy(id: string, hint: string | undefined): string {
  return hint ? `${id}-error ${id}-hint` : `${id}-error`;
}

/** What stands under a field: its hint, if any, and the place of its error. */
function FieldNotes(props: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={props.id} error={props.error} />
    </>
  );
}

/** The error beside a field: always there (hidden when none), so a check as the form is filled in can fill it. */
export function FieldError(props: { id: string; error?: string; oob?: boolean }) {
  return (
    <p class="error" id={`${props.id}-error`} hidden={!props.error} hx-swap-oob={props.oob ? 'true' : undefined} aria-live="polite">
      {props.error ?? ''}
    </p>
  );
}

/** The errors of every field, for a check to swap in beside them. */
export function FieldErrors(props: { fields: string[]; errors: Errors }) {
  return (
    <>
      {props.fields.map((f) => (
        <FieldError id={`f-${f}`} error={props.errors[f]} oob />
      ))}
    </>
  );
}

/** A labelled textarea. */
export function TextArea(props: {
  name: string;
  label: string;
  value?: string;
  errors: Errors;
  hint?: string;
  rows?: number;
  required?: boolean;
}) {
  const error = props.errors[props.name];
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint)}
      >
        {props.value ?? ''}
      </textarea>
      <FieldNotes id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** A labelled select. */
export function Choice(props: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
  errors: Errors;
  hint?: string;
}) {
  const error = props.errors[props.name];
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** A labelled checkbox. */
export function Check(props: { name: string; label: string; checked?: boolean; hint?: string; errors: Errors }) {
  const id = `f-${props.name}`;
  const error = props.errors[props.name];
  return (
    <div class="field check">
      <input id={id} name={props.name} type="checkbox" checked={props.checked} aria-describedby={props.hint ? `${id}-hint` : undefined} />
      <label for={id}>{props.label}</label>
      <FieldNotes id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** The list of problems at the top of a form that did not save. */
export function FormErrors(props: { errors: Errors; problems?: string[] }) {
  const fields = Object.entries(props.errors).filter(([k]) => k !== '_');
  const other = [...(props.errors._ ? [props.errors._] : []), ...(props.problems ?? [])];
  if (!fields.length && !other.length) return null;
  return (
    <div class="notice error" role="alert">
      <p>Not saved — please fix:</p>
      <ul>
        {fields.map(([k, v]) => (
          <li>
            <a href={`#f-${k}`}>{k}</a>: {v}
          </li>
        ))}
        {other.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/** A fieldset with a legend. */
export function Group(props: { legend: string; children?: Child }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/** htmx attributes that check an editor's form on each change (a viewer's form is never checked: it cannot save). */
export function liveCheck(viewer: Viewer, path: string): Record<string, string> {
  return viewer.role === 'editor' ? { 'hx-post': path, 'hx-trigger': 'change', 'hx-swap': 'none' } : {};
}
