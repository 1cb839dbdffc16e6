import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog on the native <dialog>: showModal() keeps focus inside, Escape cancels, and the
 * rest of the page is inert meanwhile. Focus returns to what opened it.
 */
export const Dialog = ({
  open,
  onClose,
  title,
  children,
  actions,
  id,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ComponentChildren;
  actions: ComponentChildren;
  id: string;
  /** For a table: as wide as a laptop screen allows. */
  wide?: boolean;
}) => {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      id={id}
      class={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => {
        onClose();
        opener.current?.focus();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} class="dialog-body">
        {children}
      </div>
      <div class="dialog-actions">{actions}</div>
    </dialog>
  );
};
