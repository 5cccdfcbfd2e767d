import { create } from 'zustand';
import { userMessage } from '../errors/taxonomy';
import { send } from '../messaging/client';
import { onChange } from '../storage/changes';
import { PAGE_STORAGE_NAMES } from '../storage/keys';
import type { BatchMode, BatchPicker, BatchRecord } from '../batch/batch-schema';
import { readBatch, readLatestBatch } from '../batch/batch-store';

/**
 * The panel's batch state: the picker (from the menu's hand-over) and the batch it started (read from
 * IndexedDB, refreshed on the background's `batch` change notices). The panel never writes the record;
 * it sends batch.start / batch.cancel / batch.apply and waits for the record to change.
 */
interface BatchPanelState {
  picker: BatchPicker | undefined;
  selected: string[];
  prompt: string;
  mode: BatchMode;
  starting: boolean;
  /** What the last command answered when it failed (shown as an alert, nothing lost). */
  error: string | undefined;
  record: BatchRecord | undefined;
  showPicker(picker: BatchPicker): void;
  toggle(id: string, on: boolean): void;
  setAll(on: boolean): void;
  setPrompt(prompt: string): void;
  setMode(mode: BatchMode): void;
  closePicker(): void;
  closeBatch(): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  apply(action: 'replace' | 'revert'): Promise<void>;
}

/** A finished batch from an earlier session is not brought back after this long. */
const SHOW_LATEST_FOR_MS = 6 * 60 * 60_000;
const CLOSED_KEY = PAGE_STORAGE_NAMES.batchClosed;

export const useBatch = create<BatchPanelState>()((set, get) => ({
  picker: undefined,
  selected: [],
  prompt: '',
  mode: 'edit-image',
  starting: false,
  error: undefined,
  record: undefined,
  showPicker(picker) {
    set({ picker, selected: picker.candidates.map((c) => c.id), error: undefined });
  },
  toggle(id, on) {
    const rest = get().selected.filter((s) => s !== id);
    set({ selected: on ? [...rest, id] : rest });
  },
  setAll(on) {
    set({ selected: on ? (get().picker?.candidates.map((c) => c.id) ?? []) : [] });
  },
  setPrompt: (prompt) => set({ prompt }),
  setMode: (mode) => set({ mode }),
  closePicker: () => set({ picker: undefined, error: undefined }),
  closeBatch() {
    const id = get().record?.id;
    if (id) sessionStorage.setItem(CLOSED_KEY, id);
    set({ record: undefined, error: undefined });
  },
  async start() {
    const { picker, selected, prompt, mode, starting } = get();
    if (!picker || starting) return; // one run per click: a double click never starts two batches
    set({ starting: true, error: undefined });
    const reply = await send({ type: 'batch.start', scanId: picker.scanId, targetIds: selected, prompt: prompt.trim(), mode });
    if (!reply.ok) {
      set({ starting: false, error: reply.fields ? (Object.values(reply.fields)[0] ?? userMessage(reply.error)) : userMessage(reply.error) });
      return;
    }
    const record = await readBatch(reply.batchId);
    set({ starting: false, picker: undefined, record });
  },
  async cancel() {
    const id = get().record?.id;
    if (!id) return;
    const reply = await send({ type: 'batch.cancel', batchId: id });
    if (!reply.ok) set({ error: userMessage(reply.error) });
  },
  async apply(action) {
    const id = get().record?.id;
    if (!id) return;
    const reply = await send({ type: 'batch.apply', batchId: id, action });
    set({ error: reply.ok ? undefined : userMessage(reply.error) });
  },
}));

let started = false;
export function startBatchSync(): void {
  if (started) return;
  started = true;
  void readLatestBatch().then((latest) => {
    if (!latest || useBatch.getState().record || Date.now() - latest.createdAt > SHOW_LATEST_FOR_MS) return;
    if (sessionStorage.getItem(CLOSED_KEY) === latest.id) return;
    useBatch.setState({ record: latest });
  });
  onChange((change) => {
    if (change.type !== 'batch') return;
    const current = useBatch.getState().record;
    if (current && current.id !== change.id) return;
    void readBatch(change.id).then((record) => {
      if (record && (useBatch.getState().record?.id ?? record.id) === record.id) useBatch.setState({ record });
    });
  });
}
