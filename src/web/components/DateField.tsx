import { Field, type FieldProps, describedBy } from './Field.tsx';

/**
 * A labelled native date input (YYYY-MM-DD). antd's DatePicker is neither keyboard- nor screen-reader-accessible
 * (antd #53638, #25370), so the browser's own control is used.
 */
export function DateField(props: FieldProps & { max?: string }) {
  return (
    <Field id={props.id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      <input
        {...describedBy(props.id, props.hint, props.error)}
        className="native-control"
        type="date"
        value={props.value}
        max={props.max}
        required={props.required}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}
