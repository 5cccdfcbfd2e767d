import type { ReactNode } from 'react';
import type { z } from 'zod';
import { formatNumber, t } from '../../lib/i18n';

/** Field path → message, from a zod error parsed with `optionsErrorMap`. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.map(String).join('.')] ??= issue.message;
  return out;
}

/**
 * Options' wording for zod's generic issues, in words a user can act on. A per-parse map: a schema's own
 * message (a quick action's name) still wins over it, and any other issue reads in zod's locale
 * (lib/i18n/zod-locale.ts) — never by matching zod's English text.
 */
export const optionsErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'too_small') return t('options.form.atLeast', { min: formatNumber(Number(issue.minimum)) });
  if (issue.code === 'too_big') return t('options.form.atMost', { max: formatNumber(Number(issue.maximum)) });
  if (issue.code === 'invalid_type') return t('options.form.validNumber');
  if (issue.code === 'invalid_value') return t('options.form.chooseOffered');
  return undefined;
};

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** Label + control + inline error/hint, wired for screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="error small">
          {error}
        </div>
      )}
    </div>
  );
}

/** Number input value → number | null (empty). NaN stays NaN so zod reports it. */
export const optionalNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value));
export const requiredNumber = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));
export const numberText = (value: number | null): string => (value === null || Number.isNaN(value) ? '' : String(value));
