import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../lib/content/main';

/**
 * Not declared in the manifest: the background injects it with scripting.executeScript into the frame
 * the user right-clicked, and only then (activeTab). Pages the user never used Reimagine on run nothing.
 */
export default defineContentScript({
  registration: 'runtime',
  main: startContent,
});
