import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { FieldError } from '../api/types';
import { fieldErrorText, fieldLabel } from '../i18n/field-errors';
import { t, useLocale } from '../i18n/i18n';

/** The id of the input for an API path: `funding.0.amountEur` is `f-funding-0-amountEur`. */
export const fieldId = (path: string): string => `f-${path.replace(/[^\w-]/g, '-')}`;

export type Errors = Readonly<Record<string, FieldError>>;

/** The API's (or this app's) field errors by path; the first error of a path wins. */
export const errorsByPath = (errors: readonly FieldError[]): Errors => {
  const out: Record<string, FieldError> = {};
  for (const e of errors) if (!(e.path in out)) out[e.path] = e;
  return out;
};

const describedBy = (...ids: (string | false | undefined)[]): string | undefined => {
  const list = ids.filter((x): x is string => typeof x === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
};

const FieldMessage = ({ id, error }: { id: string; error: FieldError | undefined }) => {
  const locale = useLocale();
  if (error === undefined) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span class="visually-hidden">{t('form.errorPrefix')} </span>
      {fieldErrorText(error, locale)}
    </p>
  );
};

interface BaseProps {
  readonly path: string;
  readonly label: string;
  readonly errors: Errors;
  readonly hint?: ComponentChildren;
  readonly optional?: boolean;
  readonly class?: string;
}

const Label = ({ id, label, optional }: { id: string; label: string; optional?: boolean | undefined }) => (
  <label for={id}>
    {label}
    {optional && <span class="optional"> ({t('form.optional')})</span>}
  </label>
);

export const TextField = ({
  path,
  label,
  errors,
  hint,
  optional,
  value,
  onValue,
  type = 'text',
  inputMode,
  autoComplete,
  readOnly,
  width,
  class: className,
  placeholder,
}: BaseProps & {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'date' | 'url' | 'search';
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url';
  autoComplete?: string;
  readOnly?: boolean;
  width?: 'short' | 'medium' | 'long';
  placeholder?: string;
}) => {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div class={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <Label id={id} label={label} optional={optional} />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <input
        id={id}
        name={path}
        // Preact's input types narrow the other attributes by `type`; these four take the same ones.
        type={type as 'text'}
        class={width ? `input-${width}` : undefined}
        value={value}
        readOnly={readOnly}
        autoComplete={autoComplete ?? 'off'}
        {...(inputMode ? { inputMode } : {})}
        {...(placeholder ? { placeholder } : {})}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </div>
  );
};

export const TextArea = ({
  path,
  label,
  errors,
  hint,
  optional,
  value,
  onValue,
  rows = 4,
}: BaseProps & { value: string; onValue: (v: string) => void; rows?: number }) => {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} optional={optional} />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <textarea
        id={id}
        name={path}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
        onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)}
      />
    </div>
  );
};

export interface Option {
  readonly value: string;
  readonly label: string;
}

export const SelectField = ({
  path,
  label,
  errors,
  hint,
  optional,
  value,
  onValue,
  options,
  emptyLabel,
  groups,
}: BaseProps & {
  value: string;
  onValue: (v: string) => void;
  options?: readonly Option[];
  emptyLabel?: string;
  groups?: readonly { label: string; options: readonly Option[] }[];
}) => {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} optional={optional} />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <select
        id={id}
        name={path}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
        onChange={(e) => onValue((e.target as HTMLSelectElement).value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options?.map((o) => (
          <option value={o.value}>{o.label}</option>
        ))}
        {groups?.map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.value}>{o.label}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
};

export const CheckboxField = ({ path, label, errors, hint, checked, onChecked }: BaseProps & { checked: boolean; onChecked: (v: boolean) => void }) => {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div class={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <FieldMessage id={id} error={error} />
      <div class="checkbox">
        <input
          id={id}
          name={path}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
          onChange={(e) => onChecked((e.target as HTMLInputElement).checked)}
        />
        <label for={id}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} class="hint hint-checkbox">
          {hint}
        </p>
      )}
    </div>
  );
};

/**
 * "Bitte prüfen Sie Ihre Angaben": every error with a link to its field, focused when it appears
 * so that screen readers and keyboard users start there (GOV.UK's error summary pattern).
 */
export const ErrorSummary = ({ errors, labels, shown }: { errors: readonly FieldError[]; labels?: Readonly<Record<string, string>>; shown: number }) => {
  const locale = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [shown]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('form.summaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.path}>
            <a
              href={`#${fieldId(e.path)}`}
              onClick={(event) => {
                const target = document.getElementById(fieldId(e.path));
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {labels?.[e.path] ?? fieldLabel(e.path, locale)}: {fieldErrorText(e, locale)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
};
