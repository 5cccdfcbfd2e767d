/** Small stroke icons for icon buttons (their accessible name is always the button's aria-label). */
const PATHS = {
  download: 'M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14',
  edit: 'M4 20h4L19 9l-4-4L4 16v4Zm9-13 4 4',
  animate: 'M8 5v14l11-7L8 5Z',
  extend: 'M4 6h10v12H4zM14 12h6m-3-3 3 3-3 3',
  replace: 'M4 8h13m0 0-3-3m3 3-3 3M20 16H7m0 0 3-3m-3 3 3 3',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  copy: 'M9 9h10v10H9zM5 15V5h10',
  open: 'M14 4h6v6m0-6-9 9M10 6H5v13h13v-5',
  reference: 'M4 7h11v11H4zM8 3h12v12',
  trash: 'M5 7h14M10 11v6m4-6v6M6 7l1 13h10l1-13M9 7V4h6v3',
  close: 'M6 6l12 12M18 6 6 18',
  prev: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  video: 'M4 6h11v12H4zM15 10l5-3v10l-5-3',
  muted: 'M4 9h4l5-4v14l-5-4H4zM16 9l5 6m0-6-5 6',
  // A small tree: a root and two branches (the Versions view).
  versions: 'M6 4v16M6 8h6a3 3 0 0 1 3 3v1M6 16h9M15 12h3M18 16h.01M18 12h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon-svg" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth={name === 'more' ? 3.2 : 1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
