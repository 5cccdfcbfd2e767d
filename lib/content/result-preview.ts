import { dataUrlToBlob } from '../media/encode';
import { send, type Outcome, type Target } from './target';

/**
 * The finished job's preview on its overlay: the thumbnail the worker saved with the result (≤320 px),
 * decoded here and drawn into a canvas inside the closed shadow root (overlay-ui.ts setThumb). Never a
 * URL: a `blob:` URL made by a content script is the page's own origin's, in its blob URL store, and an
 * <img src> is one more place the address could show. The full result reaches the page's process only
 * when the user asks (Replace, Compare, Download); see SECURITY.md "The overlay's preview".
 */
export async function showPreview(target: Target): Promise<void> {
  const { jobId } = target;
  const index = target.resultIndex ?? 0;
  if (!jobId) return;
  target.ui.showThumb(false); // the previous version's preview must not stand in for this one
  const reply = (await send({ type: 'overlay.get-result', jobId, index, preview: true })) as Outcome & { dataUrl?: string };
  // No preview (none saved, e.g. a video whose poster frame could not be read): Replace and Compare still work.
  if (!reply.ok || !reply.dataUrl || target.jobId !== jobId || (target.resultIndex ?? 0) !== index) return;
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(dataUrlToBlob(reply.dataUrl));
  } catch {
    return;
  }
  if (target.jobId !== jobId || (target.resultIndex ?? 0) !== index) return bitmap.close();
  target.ui.setThumb(bitmap);
  bitmap.close();
  // Once the result itself is on the page, its preview says nothing more.
  target.ui.showThumb(!target.swap);
}
