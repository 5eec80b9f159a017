/**
 * What you can do to the selected object, as buttons. Every button is an API request made by the
 * worker (cordon = PATCH spec.unschedulable, scale = PATCH …/scale…), so the feed shows it.
 */
import { useState } from 'react';
import { NODE_FAULTS, POD_FAULTS, type NodeView, type PodFault, type PodView, type WorkloadView } from '../../protocol/views';
import { actions } from '../actions';
import { Icon } from '../components/Icon';

export function NodeActions({ n }: { n: NodeView }) {
  return (
    <div className="actions" role="group" aria-label={`Actions for node ${n.name}`}>
      {n.unschedulable ? (
        <button className="btn" onClick={() => actions.uncordon(n.name)}>
          Uncordon
        </button>
      ) : (
        <button className="btn" onClick={() => actions.cordon(n.name)}>
          Cordon
        </button>
      )}
      <button className="btn" onClick={() => actions.drain(n.name)}>
        Drain
      </button>
      {n.fault ? (
        <button className="btn good" onClick={() => actions.fault(n.name, null)}>
          Recover
        </button>
      ) : (
        <>
          <button className="btn danger" onClick={() => actions.fault(n.name, NODE_FAULTS[0])} title="The kubelet stops: heartbeats end, pods stop">
            Fail
          </button>
          <button className="btn danger" onClick={() => actions.fault(n.name, NODE_FAULTS[1])} title="Cut off from the control plane: pods keep running, heartbeats are lost">
            Partition
          </button>
        </>
      )}
      <button className="btn danger subtle" onClick={() => actions.deleteNode(n.name)}>
        Delete
      </button>
    </div>
  );
}

export function PodActions({ p }: { p: PodView }) {
  const [fault, setFault] = useState<PodFault>('crash');
  return (
    <div className="actions" role="group" aria-label={`Actions for pod ${p.name}`}>
      <button className="btn danger" onClick={() => actions.deletePod(p.namespace ?? 'default', p.name)} disabled={p.deleting}>
        Delete
      </button>
      {p.fault ? (
        <button className="btn good" onClick={() => actions.podFault(p.namespace ?? 'default', p.name, null)}>
          Clear fault ({p.fault})
        </button>
      ) : (
        <span className="inline-form">
          <label className="visually-hidden" htmlFor="pod-fault">
            Fault to inject
          </label>
          <select id="pod-fault" value={fault} onChange={(e) => setFault(e.target.value as PodFault)}>
            {POD_FAULTS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          <button className="btn" onClick={() => actions.podFault(p.namespace ?? 'default', p.name, fault)}>
            Inject fault
          </button>
        </span>
      )}
    </div>
  );
}

export function ScaleActions({ w }: { w: WorkloadView }) {
  if (!w.scalable) return null;
  const ref = { kind: w.kind, name: w.name, namespace: w.namespace, uid: w.uid };
  return (
    <div className="actions" role="group" aria-label={`Scale ${w.kind} ${w.name}`}>
      <button className="btn icon-btn" aria-label="One replica fewer" onClick={() => actions.scale(ref, Math.max(0, w.desired - 1))} disabled={w.desired <= 0}>
        −
      </button>
      <span className="replicas" aria-live="polite">
        {w.desired} replica{w.desired === 1 ? '' : 's'}
      </span>
      <button className="btn icon-btn" aria-label="One replica more" onClick={() => actions.scale(ref, w.desired + 1)}>
        <Icon name="plus" size={16} />
      </button>
    </div>
  );
}
