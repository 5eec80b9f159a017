/** Deployments, ReplicaSets, StatefulSets, DaemonSets and Jobs: replicas, strategy, template, revisions. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Description } from '../../../protocol/messages';
import { useMirror } from '../../bridge';
import { formatLabelSelectorJson } from './selector';
import { Conditions, Events, KV, Labels, RefLink, Section } from './parts';

type Json = any;

export function WorkloadDescribe({ d }: { d: Description }) {
  const o = d.object as Json;
  const st = o.status ?? {};
  const kind = o.kind as string;
  const workloads = useMirror((s) => s.workloads);
  const podViews = useMirror((s) => s.pods);
  const children = d.children.map((r) => ({ r, w: r.uid ? workloads.get(r.uid) : undefined, p: r.uid ? podViews.get(r.uid) : undefined }));
  const replicas =
    kind === 'DaemonSet'
      ? `${st.desiredNumberScheduled ?? 0} desired | ${st.currentNumberScheduled ?? 0} current | ${st.numberReady ?? 0} ready | ${st.numberAvailable ?? 0} available`
      : kind === 'Job'
        ? `${st.active ?? 0} active | ${st.succeeded ?? 0} succeeded | ${st.failed ?? 0} failed`
        : `${o.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? st.readyReplicas ?? 0} available | ${st.unavailableReplicas ?? Math.max(0, (o.spec?.replicas ?? 1) - (st.readyReplicas ?? 0))} unavailable`;
  const tpl = o.spec?.template?.spec ?? {};
  return (
    <>
      <Section title={kind} id="wl-main">
        <KV
          rows={[
            ['Namespace', o.metadata.namespace],
            ['Selector', formatLabelSelectorJson(o.spec?.selector)],
            ['Replicas', replicas],
            ['StrategyType', o.spec?.strategy?.type ?? o.spec?.updateStrategy?.type],
            [
              'RollingUpdate',
              o.spec?.strategy?.rollingUpdate ? `${o.spec.strategy.rollingUpdate.maxUnavailable ?? '25%'} max unavailable, ${o.spec.strategy.rollingUpdate.maxSurge ?? '25%'} max surge` : undefined,
            ],
            ['Revision', o.metadata.annotations?.['deployment.kubernetes.io/revision']],
            ['Controlled By', d.owners.length ? <RefLink r={d.owners[0]} /> : undefined],
            ['Labels', <Labels labels={o.metadata.labels} />],
          ]}
        />
      </Section>
      <Section title="Pod template" id="wl-template">
        {(tpl.containers ?? []).map((c: Json) => (
          <div className="container-card" key={c.name}>
            <div className="container-head">
              <b>{c.name}</b> <code>{c.image}</code>
            </div>
            <KV
              rows={[
                ['Requests', Object.entries(c.resources?.requests ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || '<none>'],
                ['Limits', Object.entries(c.resources?.limits ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || undefined],
              ]}
            />
          </div>
        ))}
      </Section>
      {children.length > 0 && (
        <Section title={kind === 'Deployment' ? 'ReplicaSets' : `Pods (${children.length})`} id="wl-children">
          <ul className="ref-list">
            {children.map(({ r, w, p }) => (
              <li key={r.uid ?? r.name}>
                <RefLink r={r} />
                {w && (
                  <span className="muted">
                    {' '}
                    {w.ready}/{w.desired} ready{w.revision ? ` · revision ${w.revision}` : ''}
                  </span>
                )}
                {p && <span className="muted"> {p.status}{p.node ? ` · ${p.node}` : ''}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Conditions" id="wl-conditions">
        <Conditions conditions={st.conditions} />
      </Section>
      <Section title="Events" id="wl-events">
        <Events events={d.events} />
      </Section>
    </>
  );
}
