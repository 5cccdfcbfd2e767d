import { create } from 'zustand';
import type { Area } from '../media/area/area';
import type { SourceRef } from '../model/request';
import { useComposer } from './composer-store';

/**
 * Which source the area picker is open on, and the area chosen for the composer's edit. The chosen area is
 * tied to its source's media id: buildRequest (composer-draft.ts) sends it only while that picture is the
 * edit's one source, so removing or swapping the source quietly returns to a whole-image edit.
 */
interface AreaPickerState {
  picking: SourceRef | undefined;
  open(source: SourceRef): void;
  close(): void;
  /** "Use area" (an area) or "Clear area" (undefined): the composer's draft follows. */
  choose(mediaId: string, area: Area | undefined): void;
}

export const useAreaPicker = create<AreaPickerState>()((set) => ({
  picking: undefined,
  open(source) {
    set({ picking: source });
  },
  close() {
    set({ picking: undefined });
  },
  choose(mediaId, area) {
    useComposer.getState().patch({ area: area ? { mediaId, area } : undefined });
    set({ picking: undefined });
  },
}));
