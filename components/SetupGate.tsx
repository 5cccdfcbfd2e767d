import type { ReactNode } from 'react';
import { useSettings } from '../lib/ui/settings-store';
import { SetupCard } from './SetupCard';

/**
 * The toolbar popup without a saved key: the setup card first. The history stays below it — empty on a
 * fresh install, but an archive can be imported (or entries kept after a key was removed) without a key.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const needsKey = useSettings((s) => s.hasKey === false);
  if (!needsKey) return <>{children}</>;
  return (
    <>
      <div style={{ padding: 12 }}>
        <SetupCard heading="h1" />
      </div>
      {children}
    </>
  );
}
