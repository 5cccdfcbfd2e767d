import { expect } from 'vitest';
import { ImagineError } from '../../../lib/errors/taxonomy';

/**
 * The error a promise rejects with, of class `kind` (ImagineError unless told): fails the test if the promise
 * resolves or rejects with anything else.
 */
export async function rejection<E extends Error = ImagineError>(promise: Promise<unknown>, kind: abstract new (...args: never[]) => E = ImagineError as never): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  return error as E;
}
