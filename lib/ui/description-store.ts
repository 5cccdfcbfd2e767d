import { create } from 'zustand';
import type { DescribeState } from '../messaging/panel-request';

/** The side panel's "Describe image" card: the latest description the background announced. */
interface DescriptionStore {
  current: DescribeState | undefined;
  show(state: DescribeState): void;
  dismiss(): void;
}

export const useDescription = create<DescriptionStore>((set) => ({
  current: undefined,
  show: (state) => set({ current: state }),
  dismiss: () => set({ current: undefined }),
}));
