import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPickerScript } from '../lib/content/picker/picker';

/**
 * "Pick a picture here…" in the page. Injected only when the user chooses that menu item (or "Use this
 * frame"), right after the page script (page.js), which then reads what was picked like any right-clicked
 * image. Its own file so that the picker costs nothing — not even bytes in page.js — until it is used.
 */
export default defineUnlistedScript(startPickerScript);
