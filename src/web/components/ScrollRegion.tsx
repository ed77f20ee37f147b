import type { ReactNode } from 'react';

/**
 * A horizontally scrollable region for a wide table, so the page itself reflows at 320 CSS px (WCAG 1.4.10).
 * It is focusable so that keyboard users can scroll it, and named by the table's caption or heading.
 */
export function ScrollRegion({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby={labelledBy} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
