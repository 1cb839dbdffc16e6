import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n';

export const useTitle = (title: string): void => {
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
  }, [title]);
};

/** A screen's heading (focused when the screen opens) and what it is about; also sets the document title. */
export const PageHeader = ({
  title,
  lead,
  actions,
  children,
}: {
  title: string;
  lead?: ComponentChildren;
  actions?: ComponentChildren;
  children?: ComponentChildren;
}) => {
  useTitle(title);
  return (
    <header class="page-header">
      <div class="page-header-text">
        <h1 tabIndex={-1}>{title}</h1>
        {lead && <p class="lead">{lead}</p>}
        {children}
      </div>
      {actions && <div class="page-actions">{actions}</div>}
    </header>
  );
};

export const Section = ({ title, id, children, actions }: { title: string; id?: string; children: ComponentChildren; actions?: ComponentChildren }) => {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-heading`;
  return (
    <section class="section" aria-labelledby={headingId} {...(id ? { id } : {})}>
      <div class="section-head">
        <h2 id={headingId}>{title}</h2>
        {actions && <div class="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
};

/** A short message that the screen announces (role=status) without taking focus. */
export const Notice = ({ kind, title, children }: { kind: 'info' | 'success' | 'warning' | 'error'; title?: string; children?: ComponentChildren }) => (
  <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
    {title && <p class="notice-title">{title}</p>}
    {children}
  </div>
);
