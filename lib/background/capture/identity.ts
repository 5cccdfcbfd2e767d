import { browser, type Browser } from 'wxt/browser';

/**
 * A tab is not a document. A tab id survives navigation, so everything that belongs to the page the user
 * pointed at — a capture, its replay, a job's overlay traffic and result reads — is bound to the *document*:
 * Chrome's `documentId` (from the injection result, and on every message the page script sends). Messages
 * to the page go to that document only (`tabs.sendMessage({documentId})`, `executeScript({documentIds})`):
 * once the tab commits a new document they have nowhere to go.
 *
 * Firefox has no documentId: there the frame's URL is the identity (a same-URL reload counts as the same
 * document; SECURITY.md says so).
 */
export interface DocumentRef {
  tabId: number;
  frameId: number;
  documentId?: string | undefined;
  /** The document's URL when it was identified (the replay compares it where there is no documentId). */
  documentUrl?: string | undefined;
}

type Target = { tabId: number; frameIds?: number[]; documentIds?: string[] };

/** executeScript's target: that exact document when known, else the frame. */
export const injectionTarget = (ref: DocumentRef): Target =>
  ref.documentId ? { tabId: ref.tabId, documentIds: [ref.documentId] } : { tabId: ref.tabId, frameIds: [ref.frameId] };

/** tabs.sendMessage's options: that exact document when known, else the frame. */
export const messageOptions = (ref: { frameId?: number | undefined; documentId?: string | undefined }): { frameId: number; documentId?: string } => ({
  frameId: ref.frameId ?? 0,
  ...(ref.documentId ? { documentId: ref.documentId } : {}),
});

/** The document an injection ran in (Chrome reports it; Firefox does not). */
export function documentIdOf(results: unknown): string | undefined {
  const first = Array.isArray(results) ? (results[0] as { documentId?: unknown } | undefined) : undefined;
  return typeof first?.documentId === 'string' ? first.documentId : undefined;
}

/** Inject the page script into exactly this document (or frame); the document it ran in. */
export async function injectInto(ref: DocumentRef, file: '/page.js'): Promise<string | undefined> {
  const results = await browser.scripting.executeScript({ target: injectionTarget(ref) as Browser.scripting.InjectionTarget, files: [file] });
  return documentIdOf(results) ?? ref.documentId;
}

/**
 * Is the sender (a page script) in this document? Same tab and frame always; the same documentId where the
 * browser tells it; the same URL where the reference has one (a replay), which is all Firefox can check.
 */
export function fromDocument(ref: Partial<DocumentRef>, sender: Browser.runtime.MessageSender): boolean {
  if (ref.tabId === undefined || sender.tab?.id !== ref.tabId) return false;
  if ((sender.frameId ?? 0) !== (ref.frameId ?? 0)) return false;
  const senderDocument = (sender as { documentId?: string }).documentId;
  if ((ref.documentId || senderDocument) && senderDocument !== ref.documentId) return false;
  if (ref.documentUrl !== undefined && stripHash(sender.url) !== stripHash(ref.documentUrl)) return false;
  return true;
}

const stripHash = (url: string | undefined) => (url ?? '').split('#')[0];

/** Where the tab's frame is now, without injecting the page script (Firefox's replay check). */
export async function currentUrlOf(ref: DocumentRef): Promise<string | undefined> {
  const results = await browser.scripting
    .executeScript({ target: { tabId: ref.tabId, frameIds: [ref.frameId] }, func: () => location.href })
    .catch(() => undefined);
  const url = results?.[0]?.result;
  return typeof url === 'string' ? url : undefined;
}
