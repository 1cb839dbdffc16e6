import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';

/** Copies a text to the clipboard and says so; where the clipboard is refused, it selects the text to copy by hand. */
export const CopyButton = ({ text, label, selectId }: { text: string; label: string; selectId?: string }) => {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        class="button button-secondary button-small"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState('copied'),
            () => {
              setState('failed');
              const field = selectId ? document.getElementById(selectId) : null;
              if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
                field.focus();
                field.select();
              }
            },
          );
        }}
      >
        {t('copy.button')}
        <span class="visually-hidden">: {label}</span>
      </button>
      <span role="status" class="copy-status">
        {state === 'copied' ? t('copy.done') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </>
  );
};
