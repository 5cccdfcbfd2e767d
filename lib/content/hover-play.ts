/**
 * A video result in the page plays while the pointer is over it (muted, looping) and rests on its first
 * frame otherwise: a page of replaced images should not turn into a wall of moving pictures. Hover is
 * read from pointer positions against the video's box, so the overlay's own bar (drawn over the video)
 * counts as "over it". Only trusted pointer events count: a page cannot start it by faking moves.
 */
export function playOnHover(video: HTMLVideoElement): () => void {
  let over = false;
  const set = (next: boolean) => {
    if (next === over) return;
    over = next;
    video.setAttribute('data-reimagine-hover', String(over));
    if (over) void video.play().catch(() => undefined);
    else video.pause();
  };
  const onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    const r = video.getBoundingClientRect();
    set(event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom);
  };
  const onLeave = (event: Event) => {
    if (event.isTrusted) set(false);
  };
  document.addEventListener('pointermove', onMove, { capture: true, passive: true });
  document.documentElement.addEventListener('pointerleave', onLeave);
  window.addEventListener('blur', onLeave);
  video.setAttribute('data-reimagine-hover', 'false');
  return () => {
    document.removeEventListener('pointermove', onMove, { capture: true });
    document.documentElement.removeEventListener('pointerleave', onLeave);
    window.removeEventListener('blur', onLeave);
  };
}
