/** The details panel: the selected object described like `kubectl describe`, with its actions. */
import { useEffect, useRef } from 'react';
import { useMirror } from '../bridge';
import { Icon } from '../components/Icon';
import { editorDock } from '../editor';
import { nodeReadiness } from '../board/a11y';
import { ui, useUi } from '../state/uiStore';
import { NodeActions, PodActions, ScaleActions } from './ActionBar';
import { GenericDescribe } from './describe/GenericDescribe';
import { NodeDescribe } from './describe/NodeDescribe';
import { PodDescribe } from './describe/PodDescribe';
import { ServiceDescribe } from './describe/ServiceDescribe';
import { WorkloadDescribe } from './describe/WorkloadDescribe';
import { Yaml } from './describe/Yaml';
import { useDescription, viewOf } from './useDescription';

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

export function DetailsPanel() {
  const sel = useUi((s) => s.selection);
  const view = useMirror((s) => viewOf(s, sel));
  const { desc, error } = useDescription(sel);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = sel ? `${sel.kind}/${sel.namespace}/${sel.name}` : '';
  useEffect(() => {
    if (id) heading.current?.focus({ preventScroll: true });
  }, [id]);
  if (!sel) return null;
  const kind = sel.kind;
  const status =
    view?.kind === 'Pod'
      ? view.status
      : view?.kind === 'Node'
        ? `${nodeReadiness(view)}${view.unschedulable ? ', SchedulingDisabled' : ''}`
        : view && 'desired' in view
          ? `${view.ready}/${view.desired} ready`
          : undefined;
  const gone = !!error && /not found/i.test(error);
  return (
    <aside className="details" aria-label={`Details of ${kind.toLowerCase()} ${sel.name}`} data-testid="details">
      <div className="details-head">
        <div>
          <div className="details-kind">
            {kind}
            {sel.namespace ? <span className="muted"> · {sel.namespace}</span> : null}
          </div>
          <h2 ref={heading} tabIndex={-1}>
            {sel.name}
          </h2>
          {status && <div className={`pill pill-${(view?.kind === 'Pod' ? view.look : view?.kind === 'Node' && view.ready !== 'True' ? 'notready' : 'ok') ?? 'ok'}`}>{status}</div>}
          {view?.kind === 'Pod' && view.fault && <div className="pill pill-notready">fault: {view.fault}</div>}
          {view?.kind === 'Node' && view.fault && <div className="pill pill-notready">fault: {view.fault}</div>}
        </div>
        <button className="btn icon-btn" aria-label="Close details" onClick={() => ui.select(undefined)}>
          <Icon name="close" />
        </button>
      </div>
      {view?.kind === 'Node' && <NodeActions n={view} />}
      {view?.kind === 'Pod' && <PodActions p={view} />}
      {view && WORKLOADS.has(view.kind) && 'desired' in view && <ScaleActions w={view} />}
      <div className="actions">
        <button className="btn" data-testid="edit-yaml" onClick={() => editorDock.openObject(sel)} title="Open it in the YAML editor, as kubectl edit shows it">
          Edit YAML
        </button>
      </div>
      <div className="details-body">
        {gone && <p className="gone">This {kind.toLowerCase()} no longer exists. What you see is its last description.</p>}
        {error && !gone && <p className="error">{error}</p>}
        {!desc && !error && <p className="muted">Loading…</p>}
        {desc && kind === 'Pod' && <PodDescribe d={desc} />}
        {desc && kind === 'Node' && <NodeDescribe d={desc} />}
        {desc && WORKLOADS.has(kind) && <WorkloadDescribe d={desc} />}
        {desc && kind === 'Service' && <ServiceDescribe d={desc} />}
        {desc && !['Pod', 'Node', 'Service'].includes(kind) && !WORKLOADS.has(kind) && <GenericDescribe d={desc} />}
        {desc && <Yaml object={desc.object} />}
      </div>
    </aside>
  );
}
