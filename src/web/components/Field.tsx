import type { ReactNode } from 'react';

/** What every labelled field takes: the control's id, its label, its value and change, and its hint and error. */
export type FieldProps = {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
};

/** Ids that tie a control to its label, hint and error. */
export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

/** ARIA attributes of a control with an optional hint and error. */
export function describedBy(id: string, hint?: ReactNode, error?: string) {
  const ids = fieldIds(id);
  const by = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': by || undefined } as const;
}

/** A form field: a visible label, the control, a hint and an error message, all programmatically tied. */
export function Field(props: { id: string; label: string; required?: boolean; hint?: ReactNode; error?: string; children: ReactNode }) {
  const ids = fieldIds(props.id);
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <div className="label-row">
        <label htmlFor={props.id}>{props.label}</label>
        {props.required && (
          <span className="required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </div>
      {props.hint && (
        <div id={ids.hint} className="field-hint">
          {props.hint}
        </div>
      )}
      {props.children}
      {props.error && (
        <div id={ids.error} className="field-error">
          {props.error}
        </div>
      )}
    </div>
  );
}
