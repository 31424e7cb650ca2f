import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblems, problemMessageKey } from './field-problems';

/** A refusal's problems by field, in the user's language where the rule is known, in the server's own words otherwise. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => {
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(fieldProblems(error))) {
      const known = problemMessageKey(message);
      errors[field] = known ? t(known.key, known.values) : message;
    }
    return errors;
  }, [error, t]);
}
