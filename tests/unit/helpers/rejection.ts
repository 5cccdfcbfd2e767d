import { expect } from 'vitest';
import { ImagineError } from '../../../lib/api/errors';

/** The ImagineError a promise rejects with (fails the test if it resolves or rejects with anything else). */
export async function rejection(promise: Promise<unknown>): Promise<ImagineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImagineError);
  return error as ImagineError;
}
