import type { ReactNode } from 'react';
import { useSettings } from '../lib/ui/settings-view-store';
import { SetupCard } from './SetupCard';

/**
 * The toolbar popup without a saved key: the setup card instead of the launcher, which could only offer
 * things that need a key. The full History page (an archive import, entries kept after a key was removed)
 * stays one click away through the card's own link.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const needsKey = useSettings((s) => s.hasKey === false);
  if (!needsKey) return <>{children}</>;
  return (
    <div style={{ padding: 12 }}>
      <SetupCard heading="h1" />
    </div>
  );
}
