import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's h1 and its unique document title; focuses the heading when the page opens, for screen readers. */
export function PageTitle({ children, focus = true }: { children: string; focus?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} - ${t('shell.appName')}`;
  }, [children, t]);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
