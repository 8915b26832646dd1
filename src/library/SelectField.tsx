// A labelled choice from a fixed list: the settings page and the export dialog pick formats,
// sensitivities and the like this way, each option shown by its label, never by its code.
import type { JSX } from 'preact';

export interface SelectFieldProps<T extends string> {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>): JSX.Element {
  const { label, name, value, options, labels, onChange } = props;
  return (
    <label class="field">
      <span>{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
