/** The last action's outcome, briefly (errors stay a little longer). Announced politely. */
import { useEffect, useState } from 'react';
import { useUi } from '../state/uiStore';

export function Toast() {
  const toast = useUi((s) => s.toast);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!toast) return;
    setVisible(true);
    const t = setTimeout(() => setVisible(false), toast.error ? 6000 : 2800);
    return () => clearTimeout(t);
  }, [toast]);
  return (
    <div className={`toast${visible && toast ? ' show' : ''}${toast?.error ? ' error' : ''}`} role="status" aria-live="polite">
      {toast?.text}
    </div>
  );
}
