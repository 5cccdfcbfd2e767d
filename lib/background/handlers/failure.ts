import type { ErrorInfo } from '../../errors/taxonomy';
import type { Failure } from '../../messaging/protocol';

/** The one shape of a refused page command: the error, and per-field messages when a form field is at fault. */
export const fail = (error: ErrorInfo, fields?: Record<string, string>): Failure => ({ ok: false, error, ...(fields ? { fields } : {}) });
