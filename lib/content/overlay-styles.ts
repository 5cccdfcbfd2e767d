/**
 * Overlay styles, applied with a constructed stylesheet (`adoptedStyleSheets`): a page's strict
 * `style-src` CSP blocks <style> elements and style attributes, even inside our shadow root, but not
 * CSSOM. `:host { all: initial }` keeps page CSS out; the shadow boundary keeps ours in. No `filter`, `opacity` or
 * `transform` on the buttons or their boxes: the click guard (overlay-guard.ts) refuses a button drawn with them.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.frame { position: fixed; pointer-events: none; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #fff; }
.frame[hidden] { display: none; }
.frame.floating { top: 12px; right: 12px; width: 320px; height: auto; }
.layer { position: absolute; inset: 0; overflow: hidden; border-radius: 2px; }
.layer canvas, .layer video { width: 100%; height: 100%; object-fit: cover; display: block; }
.labels { position: absolute; top: 6px; left: 6px; right: 6px; display: flex; justify-content: space-between; }
.labels span { background: rgba(0,0,0,.6); padding: 1px 6px; border-radius: 8px; font-size: 11px; }
.bar { position: absolute; left: calc(var(--bar-left, 0px) + 6px); bottom: calc(var(--bar-bottom, 0px) + 6px);
  max-width: calc(var(--bar-width, 100%) - 12px); min-width: 180px; pointer-events: auto;
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 6px; border-radius: 10px;
  background: rgba(22, 20, 40, .88); box-shadow: 0 2px 10px rgba(0,0,0,.35); }
.frame.small .bar { position: absolute; top: 100%; bottom: auto; left: 0; margin-top: 4px; }
.frame.floating .bar { position: static; max-width: none; }
.frame.floating .layer { display: none; }
.frame.batch { bottom: 12px; right: 12px; width: 300px; }
.frame.batch .bar { position: static; }
.head { flex: 1 1 100%; display: flex; align-items: center; gap: 8px; min-width: 0; }
.status { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; }
.thumb { flex: none; display: block; border-radius: 6px; background: rgba(255,255,255,.08); box-shadow: 0 0 0 1px rgba(255,255,255,.18); }
.thumb[hidden] { display: none; }
.menu { display: none; }
.menu.inline { display: contents; }
.menu.open { position: absolute; right: 0; bottom: calc(100% + 4px); min-width: 170px; display: flex; flex-direction: column; gap: 2px;
  padding: 4px; border-radius: 10px; background: rgba(22, 20, 40, .96); box-shadow: 0 4px 16px rgba(0,0,0,.45); }
.menu.open.below { top: calc(100% + 4px); bottom: auto; }
.menu.open button { text-align: start; padding: 5px 10px; background: transparent; }
.menu.open button:hover, .menu.open button:focus-visible { background: rgba(255,255,255,.16); }
.menu.open button[hidden] { display: none; }
button.more { margin-inline-start: auto; padding: 3px 8px; font-weight: 700; letter-spacing: 1px; }
.status.error { color: #ffb4b4; }
.progress { flex: 1 1 100%; height: 4px; background: rgba(255,255,255,.2); border-radius: 2px; overflow: hidden; }
.progress[hidden] { display: none; }
.progress > div { height: 100%; width: 0; background: #8f7fff; transition: width .4s; }
.progress.indeterminate > div { width: 30%; animation: reimagine-slide 1.4s ease-in-out infinite; }
@keyframes reimagine-slide { from { transform: translateX(-100%); } to { transform: translateX(340%); } }
@media (prefers-reduced-motion: reduce) { .progress.indeterminate > div { animation: none; width: 100%; opacity: .45; } }
button { font: inherit; color: #fff; background: #5b4bdb; border: 0; border-radius: 6px; padding: 3px 9px; cursor: pointer; }
button.secondary { background: rgba(255,255,255,.16); }
button[hidden] { display: none; }
button:hover { background: #6d5ee8; }
button.secondary:hover { background: rgba(255,255,255,.26); }
button:disabled { opacity: .4; cursor: default; }
button:focus-visible, input:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
input[type=range] { flex: 1 1 100%; accent-color: #8f7fff; }
input[hidden] { display: none; }
`;

let sheet: CSSStyleSheet | undefined;
export function overlaySheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
  }
  return sheet;
}
