import type { Reply } from '../http';
import type { ApiRequest, ProviderEnv } from '../provider';
import { CODES, apiError } from './errors';

/** "xa***ey": how xAI quotes a rejected key (first two and last two characters). */
export function redactKey(key: string): string {
  return key.length >= 4 ? `${key.slice(0, 2)}***${key.slice(-2)}` : '***';
}

export function bearerKey(request: ApiRequest): string | undefined {
  const header = request.received.headers['authorization'];
  const match = header?.match(/^Bearer\s+(\S.*)$/i);
  return match?.[1]?.trim();
}

/**
 * Missing credentials → 401. A wrong key → 400 "Client specified an invalid argument" or 401: both are
 * seen from the live API (the doc: "400 … also sometimes a bad key"), so the emulator alternates, starting
 * with 400, unless rotateReadings is off (then always 401, the documented meaning).
 */
export function createAuthenticator(env: ProviderEnv) {
  let wrongKeyAnswers = 0;
  return {
    authenticate(request: ApiRequest): Reply | undefined {
      const key = bearerKey(request);
      if (!key) {
        return apiError(
          401,
          CODES.unauthenticated,
          'No API key provided. Send it in the Authorization header as "Bearer <key>". You can obtain an API key from https://console.x.ai.',
        );
      }
      if (env.config().apiKeys.includes(key)) return undefined;
      const message = `Incorrect API key provided: ${redactKey(key)}. You can obtain an API key from https://console.x.ai.`;
      const answerWith400 = env.config().rotateReadings && wrongKeyAnswers++ % 2 === 0;
      return answerWith400 ? apiError(400, CODES.invalidArgument, message) : apiError(401, CODES.unauthenticated, message);
    },
    reset(): void {
      wrongKeyAnswers = 0;
    },
  };
}
