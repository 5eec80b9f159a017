/** A pod, the way `kubectl describe pod` lays it out, plus the scheduler's reasoning. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Description } from '../../../protocol/messages';
import { clockText } from '../../time/format';
import { Conditions, Events, KV, Labels, RefLink, Section } from './parts';
import { Scheduling } from './Scheduling';

type Json = any;

function stateText(st: Json): string {
  if (!st) return 'Waiting';
  if (st.running) return `Running (since ${clockText(Date.parse(st.running.startedAt))})`;
  if (st.waiting) return `Waiting: ${st.waiting.reason ?? ''}`;
  if (st.terminated) return `Terminated: ${st.terminated.reason ?? ''} (exit ${st.terminated.exitCode})`;
  return '—';
}

function resources(r: Json): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(r?.requests ?? {})) parts.push(`${k} ${v}`);
  const lim = Object.entries(r?.limits ?? {}).map(([k, v]) => `${k} ${v}`);
  return `${parts.length ? `requests ${parts.join(', ')}` : 'no requests'}${lim.length ? ` · limits ${lim.join(', ')}` : ''}`;
}

export function PodDescribe({ d }: { d: Description }) {
  const o = d.object as Json;
  const st = o.status ?? {};
  const statuses = new Map<string, Json>((st.containerStatuses ?? []).map((c: Json) => [c.name, c]));
  return (
    <>
      {d.scheduling && <Scheduling s={d.scheduling} events={d.events} node={o.spec?.nodeName} />}
      <Section title="Pod" id="pod-main">
        <KV
          rows={[
            ['Namespace', o.metadata.namespace],
            ['Node', o.spec?.nodeName ? <RefLink r={{ kind: 'Node', name: o.spec.nodeName }} /> : <span className="muted">&lt;none&gt;</span>],
            ['Status', st.phase],
            ['IP', st.podIP],
            ['Start Time', st.startTime ? clockText(Date.parse(st.startTime)) : undefined],
            ['Priority', o.spec?.priority !== undefined ? `${o.spec.priority}${o.spec.priorityClassName ? ` (${o.spec.priorityClassName})` : ''}` : undefined],
            ['QoS Class', st.qosClass],
            [
              'Controlled By',
              d.owners.length ? (
                <span className="chain">
                  {d.owners.map((r, i) => (
                    <span key={r.uid ?? r.name}>
                      {i > 0 && ' ← '}
                      <RefLink r={r} />
                    </span>
                  ))}
                </span>
              ) : undefined,
            ],
            ['Labels', <Labels labels={o.metadata.labels} />],
          ]}
        />
      </Section>
      <Section title="Containers" id="pod-containers">
        {(o.spec?.containers ?? []).map((c: Json) => {
          const s = statuses.get(c.name);
          return (
            <div className="container-card" key={c.name}>
              <div className="container-head">
                <b>{c.name}</b> <code>{c.image}</code>
              </div>
              <KV
                rows={[
                  ['State', stateText(s?.state)],
                  ['Last State', s?.lastState && Object.keys(s.lastState).length ? stateText(s.lastState) : undefined],
                  ['Ready', s ? String(!!s.ready) : 'false'],
                  ['Restart Count', String(s?.restartCount ?? 0)],
                  ['Resources', resources(c.resources)],
                  ['Ports', (c.ports ?? []).map((p: Json) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')],
                ]}
              />
            </div>
          );
        })}
      </Section>
      <Section title="Conditions" id="pod-conditions">
        <Conditions conditions={st.conditions} />
      </Section>
      <Section title="Events" id="pod-events">
        <Events events={d.events} />
      </Section>
    </>
  );
}
