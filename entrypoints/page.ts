import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContent } from '../lib/content/main';

/**
 * The in-page script. Not declared in the manifest: the background injects it with
 * scripting.executeScript into the frame the user right-clicked, and only then (activeTab). Pages the
 * user never used Reimagine on run nothing. An unlisted script rather than a WXT content script: it
 * needs none of WXT's content-script context (location watching, the polyfill), which was most of its
 * size, and it runs inside users' pages.
 */
export default defineUnlistedScript(startContent);
