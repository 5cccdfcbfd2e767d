import type { ReactNode } from 'react';
import { useHistory } from '../lib/history/store';
import { useSettings } from '../lib/ui/settings-store';
import { SetupCard } from './SetupCard';

/**
 * The toolbar popup without a saved key: the setup card instead of an empty history (a fresh install),
 * or above it when there are entries (a key removed later, an imported archive) — nothing is hidden away.
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const needsKey = useSettings((s) => s.hasKey === false);
  const hasHistory = useHistory((s) => s.jobs.size > 0);
  if (!needsKey) return <>{children}</>;
  return (
    <>
      <div style={{ padding: 12 }}>
        <SetupCard heading="h1" />
      </div>
      {hasHistory && children}
    </>
  );
}
