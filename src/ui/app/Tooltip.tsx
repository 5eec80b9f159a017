/** A small card about what is under the pointer or keyboard focus. */
import { useMirror } from '../bridge';
import { useUi } from '../state/uiStore';
import { LOOK_WORDS } from '../board/glyph';
import { nodeReadiness } from '../board/a11y';
import { formatCpu, formatMemory } from '../panels/quantity';

export function Tooltip() {
  const hover = useUi((s) => s.hover);
  const at = useUi((s) => s.hoverAt);
  const pod = useMirror((s) => (hover ? s.pods.get(hover) : undefined));
  const node = useMirror((s) => (hover ? s.nodes.get(hover) : undefined));
  const svc = useMirror((s) => (hover ? s.services.get(hover) : undefined));
  const wl = useMirror((s) => (hover ? s.workloads.get(hover) : undefined));
  if (!at || !(pod || node || svc || wl)) return null;
  const left = Math.min(window.innerWidth - 300, Math.max(8, at.x - 140));
  const top = Math.max(64, at.y - 12);
  return (
    <div className="tooltip" style={{ left, top }} role="presentation">
      {pod && (
        <>
          <div className="tt-title">
            <span className="tt-kind">pod</span> {pod.name}
          </div>
          <div className="tt-row">
            <b>{pod.status}</b> · {LOOK_WORDS[pod.look].title.toLowerCase()} · ready {pod.readyText}
            {pod.restarts ? ` · ${pod.restarts} restarts` : ''}
          </div>
          <div className="tt-row muted">
            {pod.node ? `on ${pod.node}` : 'not scheduled'}
            {pod.ip ? ` · ${pod.ip}` : ''}
            {pod.workload ? ` · ${pod.workload.kind.toLowerCase()}/${pod.workload.name}` : ''}
          </div>
          {pod.fault && <div className="tt-row warn">fault: {pod.fault}</div>}
          {pod.unschedulable && <div className="tt-row warn">{pod.unschedulable}</div>}
        </>
      )}
      {node && (
        <>
          <div className="tt-title">
            <span className="tt-kind">node</span> {node.name}
          </div>
          <div className="tt-row">
            <b>{nodeReadiness(node)}</b>
            {node.unschedulable ? ' · cordoned' : ''}
            {node.fault ? ` · fault: ${node.fault}` : ''}
          </div>
          <div className="tt-row muted">
            {formatCpu(node.allocatable.cpu)} CPU · {formatMemory(node.allocatable.memory)} · {node.allocatable.pods} pods max
            {node.zone ? ` · ${node.zone}` : ''}
          </div>
        </>
      )}
      {svc && (
        <>
          <div className="tt-title">
            <span className="tt-kind">service</span> {svc.name}
          </div>
          <div className="tt-row">
            {svc.type} {svc.clusterIP} · {svc.ports.join(', ')}
          </div>
        </>
      )}
      {wl && (
        <>
          <div className="tt-title">
            <span className="tt-kind">{wl.kind.toLowerCase()}</span> {wl.name}
          </div>
          <div className="tt-row">
            {wl.ready}/{wl.desired} ready · {wl.images.join(', ')}
          </div>
        </>
      )}
      <div className="tt-hint">Enter or click for details</div>
    </div>
  );
}
