import { describe, expect, it } from 'vitest';
import { isRetryable } from '../../lib/api/errors';
describe('smoke', () => { it('runs', () => { expect(isRetryable('rate_limited', 'submit')).toBe(true); }); });
