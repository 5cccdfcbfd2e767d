import { ImagineError } from '../errors/taxonomy';
import { formatNumber, t } from '../i18n';

/**
 * One AbortSignal for a request that fires on our own deadline OR the caller's signal, remembering which
 * came first: a timeout is retryable, a cancel must never be. (AbortSignal.any/timeout would lose that.)
 */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Why the signal fired, if it did. */
  readonly reason: 'timeout' | 'cancelled' | undefined;
  dispose(): void;
}

// setTimeout overflows (fires at once) above 2^31-1 ms.
const MAX_TIMER_MS = 2_147_483_647;

export function startDeadline(timeoutMs: number | undefined, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let reason: Deadline['reason'];

  const onCallerAbort = () => {
    if (reason) return;
    reason = 'cancelled';
    controller.abort(callerSignal?.reason);
  };
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const timer =
    timeoutMs !== undefined && Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(
          () => {
            if (reason) return;
            reason = 'timeout';
            controller.abort(new DOMException('Request timed out', 'TimeoutError'));
          },
          Math.min(timeoutMs, MAX_TIMER_MS),
        )
      : undefined;

  return {
    signal: controller.signal,
    get reason() {
      return reason;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

export function cancelledError(requestId?: string): ImagineError {
  return new ImagineError({ kind: 'cancelled', message: 'Cancelled.', ...(requestId ? { requestId } : {}) });
}

/**
 * What fetch (or reading its body) threw → ImagineError. Our deadline and the caller's abort are told
 * apart by the Deadline, not by the error's name, because runtimes disagree on what they throw.
 */
export function transportError(error: unknown, deadline: Deadline, timeoutMs?: number): ImagineError {
  if (error instanceof ImagineError) return error;
  if (deadline.reason === 'cancelled') return cancelledError();
  if (deadline.reason === 'timeout') {
    const message = timeoutMs !== undefined ? t('api.timedOutAfter', { seconds: formatNumber(Math.round(timeoutMs / 1000)) }) : t('api.timedOut');
    return new ImagineError({ kind: 'timeout', message }, { cause: error });
  }
  const message = error instanceof Error && error.message ? t('api.unreachableDetail', { detail: error.message }) : t('api.unreachable');
  return new ImagineError({ kind: 'network', message }, { cause: error });
}
