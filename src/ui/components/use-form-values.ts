import { useEffect, useState } from 'react';

export type FormErrors<V> = Partial<Record<keyof V, string>>;

/**
 * A form's values and its per-field errors: changing a field clears that field's error, and
 * `accept` shows what a check found and says whether the form may go on.
 */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors<V>>({});

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const accept = (found: FormErrors<V>): boolean => {
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  return { values, setValues, errors, setErrors, set, accept };
}

/**
 * The same for a modal: each opening starts from the record as stored (`initial(source)`), not
 * from an abandoned edit. `initial` should be a stable function, e.g. one defined at module level.
 */
export function useModalFormValues<S, V extends object>(opened: boolean, source: S, initial: (source: S) => V) {
  const form = useFormValues<V>(() => initial(source));
  const { setValues, setErrors } = form;

  useEffect(() => {
    if (!opened) return;
    setValues(initial(source));
    setErrors({});
  }, [opened, source, initial, setValues, setErrors]);

  return form;
}
