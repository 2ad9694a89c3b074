import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { applyFieldErrors, errorMessageOf, fieldErrorsOf } from './api-errors';

/**
 * Sends a react-hook-form form to the API: the API's field errors land on their fields (and
 * focus goes to the first), the rest in `formErrors` for a FormAlert.
 */
export function useApiForm<T extends FieldValues>(
  form: UseFormReturn<T>,
  alias: Record<string, string> = {},
) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const known = Object.keys(form.getValues()).flatMap((k) => {
    const value = form.getValues(k as Path<T>) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? [k, ...Object.keys(value).map((s) => `${k}.${s}`)]
      : [k];
  });

  const submit = (send: (values: T) => Promise<unknown>) =>
    form.handleSubmit(async (values) => {
      setFormErrors([]);
      try {
        await send(values);
      } catch (err) {
        const marked: Path<T>[] = [];
        const rest = applyFieldErrors(
          err,
          known,
          (field, message) => {
            marked.push(field as Path<T>);
            form.setError(field as Path<T>, { type: 'server', message });
          },
          alias,
        );
        if (marked[0]) form.setFocus(marked[0]);
        setFormErrors(
          rest.length > 0 || fieldErrorsOf(err).length > 0 ? rest : [errorMessageOf(err)],
        );
      }
    });

  return { submit, formErrors, setFormErrors };
}
