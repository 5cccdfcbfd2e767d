/**
 * Preset voices for `reference_audios` (grok-imagine-video-1.5 reference-to-video only, at most 3).
 * The Imagine docs name no list; the SDKs' examples use `ara` and `eve` (shared/docs/imagine-api.md,
 * "second pass"), and xAI's preset voices elsewhere are ara, eve, leo, rex, sal (docs.x.ai voice guide;
 * Telnyx "xAI Grok voices"; OpenRouter's xAI page). The emulator takes those five and refuses any other id,
 * the least convenient reading for a client that lets users type one.
 */
export const PRESET_VOICES = ['ara', 'eve', 'leo', 'rex', 'sal'] as const;
export const MAX_REFERENCE_AUDIOS = 3;
export const VOICE_MODEL = 'grok-imagine-video-1.5';
