import type { ReactNode } from 'react';

/** A polite live region (WCAG 4.1.3): "saved", "N results", import progress. Always rendered so updates are read. */
export function StatusMessage({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={className ?? 'status-message'}>
      {children}
    </div>
  );
}
