import { create } from 'zustand';
import { loadLibrary, saveLibrary, withHouseStyle, type Library } from '../library/library';
import type { Draft } from './composer-draft';
import { t } from '../i18n';

/**
 * The prompt library as the panel and Options see it, plus the per-job "Add house style" switch (off by
 * default; it stays as the user left it in this page). Writes go to localStorage; a write that fails
 * (storage full) is reported, and the library in memory is left as it was on disk.
 */
interface LibraryStore {
  library: Library;
  houseStyleOn: boolean;
  reload(): void;
  save(next: Library): string | undefined;
  setHouseStyleOn(on: boolean): void;
}

export const useLibrary = create<LibraryStore>((set) => ({
  library: loadLibrary(),
  houseStyleOn: false,
  reload: () => set({ library: loadLibrary() }),
  save(next) {
    try {
      saveLibrary(next);
      set({ library: next });
      return undefined;
    } catch (error) {
      return t('composer.librarySaveFailed', { reason: error instanceof Error ? error.message : String(error) });
    }
  },
  setHouseStyleOn: (on) => set({ houseStyleOn: on }),
}));

/** The draft as it will be sent: with the house style when the switch is on. */
export function draftWithHouseStyle(draft: Draft): Draft {
  const { library, houseStyleOn } = useLibrary.getState();
  return houseStyleOn && library.houseStyle.trim() ? { ...draft, prompt: withHouseStyle(draft.prompt, library.houseStyle) } : draft;
}
