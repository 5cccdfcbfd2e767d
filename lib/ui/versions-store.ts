import { create } from 'zustand';

/**
 * Which result's Versions view is open. Any surface (a gallery tile's "More actions", a viewer) opens it
 * with `useOpenVersions()(jobId, output)`; components/versions/VersionsDialog.tsx, mounted once per page,
 * shows it.
 */
interface VersionsState {
  target?: { jobId: string; output: number } | undefined;
  /** The element to give focus back to when the view closes. */
  returnFocus?: HTMLElement | null | undefined;
  open(jobId: string, output: number): void;
  close(): void;
}

export const useVersionsStore = create<VersionsState>((set, get) => ({
  open(jobId, output) {
    set({ target: { jobId, output }, returnFocus: document.activeElement instanceof HTMLElement ? document.activeElement : null });
  },
  close() {
    const back = get().returnFocus;
    set({ target: undefined, returnFocus: undefined });
    back?.focus();
  },
}));

export const useOpenVersions = () => useVersionsStore((s) => s.open);
