/**
 * Keyboard shortcuts (manifest `commands`; the user rebinds them at chrome://extensions/shortcuts or, in
 * Firefox, about:addons → ⚙ → Manage Extension Shortcuts).
 *
 * Defaults are Alt+Shift+<letter>: Ctrl+Shift+<letter> is crowded by the browser (Ctrl+Shift+T/N/B/O/…)
 * and by popular extensions (Bitwarden's Ctrl+Shift+Y and Ctrl+Shift+L, 1Password's Ctrl+Shift+X), and
 * Chrome refuses a suggested key that one of its own shortcuts uses. Alt+Shift+R/Q are free in Chrome and
 * Firefox on Windows, Linux and macOS (⌥⇧R/⌥⇧Q); Alt+Shift+I/T/A are Chrome's own and are avoided.
 */
export const COMMAND = {
  togglePanel: 'toggle-side-panel',
  repeatQuickAction: 'repeat-quick-action',
} as const;
export type CommandName = (typeof COMMAND)[keyof typeof COMMAND];

export const MANIFEST_COMMANDS = {
  [COMMAND.togglePanel]: {
    suggested_key: { default: 'Alt+Shift+R' },
    description: '__MSG_commands_togglePanel__',
  },
  [COMMAND.repeatQuickAction]: {
    suggested_key: { default: 'Alt+Shift+Q' },
    description: '__MSG_commands_repeatQuickAction__',
  },
};

/** The name of the port a side panel keeps open to the worker, so the worker knows which windows show one. */
export const PANEL_PORT_PREFIX = 'reimagine-panel:';
/** What the worker sends down that port to close the panel (the panel closes itself: window.close()). */
export const CLOSE_PANEL_MESSAGE = 'close-panel';
