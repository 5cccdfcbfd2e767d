import type { ReactNode } from 'react';

/** One labelled composer control with its inline error (ids follow the field keys, see `errorKey`). */
export function Control({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className="field control">
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldError id={`${errorKey(id)}-error`} message={error} />
    </div>
  );
}

/** Control ids → the field keys used in aria-describedby (`describe`). */
const errorKey = (id: string) => ({ count: 'n', 'aspect-ratio': 'aspectRatio', 'output-format': 'outputFormat' })[id] ?? id;

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error field-error">
      {message}
    </p>
  );
}
