import type { Settings } from '../../lib/settings/schema';
import type { FieldErrors } from './form';

/** What every settings section receives: the draft, a way to change it, and the inline errors. */
export interface SectionProps {
  draft: Settings;
  update(change: (draft: Settings) => Settings): void;
  errors: FieldErrors;
}
