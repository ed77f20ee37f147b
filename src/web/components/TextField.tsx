import { Input } from 'antd';
import { Field, type FieldProps, describedBy } from './Field.tsx';

/** A labelled text input (antd Input) that cannot exist without a label. */
export function TextField(
  props: FieldProps & {
    type?: 'text' | 'password' | 'tel' | 'search';
    autoComplete?: string;
    inputMode?: 'text' | 'numeric' | 'tel';
    maxLength?: number;
  },
) {
  const common = {
    ...describedBy(props.id, props.hint, props.error),
    value: props.value,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value),
    autoComplete: props.autoComplete ?? 'off',
    'aria-required': props.required || undefined,
    maxLength: props.maxLength,
    status: props.error ? ('error' as const) : undefined,
  };
  return (
    <Field id={props.id} label={props.label} required={props.required} hint={props.hint} error={props.error}>
      {props.type === 'password' ? (
        <Input.Password {...common} visibilityToggle={false} />
      ) : (
        <Input {...common} type={props.type ?? 'text'} inputMode={props.inputMode} />
      )}
    </Field>
  );
}
