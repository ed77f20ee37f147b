import { Field, type FieldProps, describedBy } from './Field.tsx';

/** One option of a SelectField. */
export type Option = { value: string; label: string };

/**
 * A labelled native <select>: fully keyboard and screen-reader operable on old browsers, styled like antd.
 * `emptyLabel` adds a first option for "no value" (e.g. "全部").
 */
export function SelectField(props: FieldProps & { options: readonly Option[]; emptyLabel?: string; disabled?: boolean }) {
  return (
    <Field id={props.id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <select
        {...describedBy(props.id, props.hint, props.error)}
        className="native-control"
        value={props.value}
        disabled={props.disabled}
        aria-required={props.required || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
