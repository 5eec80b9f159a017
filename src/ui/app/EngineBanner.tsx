/** Says when the cluster worker stopped, keeps the last picture visible, and offers a restart. */
import { useState } from 'react';
import { engine, useMirror } from '../bridge';
import { actions } from '../actions';
import { Icon } from '../components/Icon';

export function EngineBanner() {
  const status = useMirror((s) => s.status);
  const error = useMirror((s) => s.error);
  const [busy, setBusy] = useState(false);
  if (status === 'starting') return <div className="engine-banner starting" role="status">Starting the cluster…</div>;
  if (status === 'restarting') return <div className="engine-banner starting" role="status">Restarting the cluster from your last snapshot…</div>;
  if (status !== 'crashed') return null;
  const n = engine.journalLength;
  return (
    <div className="engine-banner crashed" role="alert">
      <Icon name="warn" size={20} />
      <div className="engine-banner-text">
        <strong>The cluster engine stopped.</strong> The picture shows its last state. {error ? <span className="engine-error">({error})</span> : null}
        <div className="muted">
          Restarting rebuilds it from the seed and your {n} change{n === 1 ? '' : 's'}, paused where you left off.
        </div>
      </div>
      <button
        className="btn primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await actions.restart();
          setBusy(false);
        }}
      >
        <Icon name="restart" /> Restart
      </button>
    </div>
  );
}
