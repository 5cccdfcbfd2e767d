/**
 * The side panel's own keys: `/` focuses the prompt (unless the user is typing somewhere), Esc cancels
 * the job whose queue card has focus (only a job that can still be cancelled; never a re-submit).
 * Pure decision here; SidePanelApp wires it to `keydown`.
 */
export type PanelKeyAction = { kind: 'focus-prompt' } | { kind: 'cancel-job'; jobId: string } | undefined;

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export function panelKeyAction(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; defaultPrevented: boolean },
  focused: Element | null,
): PanelKeyAction {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (event.key === '/') return focused?.closest(TYPING) ? undefined : { kind: 'focus-prompt' };
  if (event.key === 'Escape') {
    // A card's own controls (its buttons) count as the card having focus; a text field never does.
    if (!focused || focused.closest(TYPING)) return undefined;
    const card = focused.closest<HTMLElement>('[data-job-id][data-cancellable="true"]');
    const jobId = card?.dataset.jobId;
    return jobId ? { kind: 'cancel-job', jobId } : undefined;
  }
  return undefined;
}
