/** A node, as `kubectl describe node` shows it: conditions, taints, capacity, what is allocated, its pods. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { useMemo } from 'react';
import type { Description } from '../../../protocol/messages';
import { useMirror } from '../../bridge';
import { formatCpu, formatMemory } from '../quantity';
import { Conditions, Events, KV, Labels, RefLink, Section } from './parts';

type Json = any;

export function NodeDescribe({ d }: { d: Description }) {
  const o = d.object as Json;
  const st = o.status ?? {};
  const name = o.metadata.name;
  const nodes = useMirror((s) => s.nodes);
  const podViews = useMirror((s) => s.pods);
  const node = useMemo(() => [...nodes.values()].find((n) => n.name === name), [nodes, name]);
  const pods = useMemo(() => [...podViews.values()].filter((p) => p.node === name && p.look !== 'succeeded' && p.look !== 'failed'), [podViews, name]);
  const req = pods.reduce((a, p) => ({ cpu: a.cpu + p.requests.cpu, memory: a.memory + p.requests.memory }), { cpu: 0, memory: 0 });
  const pct = (x: number, cap: number) => (cap ? `${Math.round((100 * x) / cap)}%` : '—');
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  return (
    <>
      <Section title="Node" id="node-main">
        <KV
          rows={[
            ['Roles', roles.join(',') || '<none>'],
            ['Unschedulable', String(!!o.spec?.unschedulable)],
            [
              'Taints',
              (o.spec?.taints ?? []).length ? (
                <span className="chips">
                  {(o.spec.taints as Json[]).map((t) => (
                    <code className="chip" key={`${t.key}:${t.effect}`}>
                      {t.key}
                      {t.value ? `=${t.value}` : ''}:{t.effect}
                    </code>
                  ))}
                </span>
              ) : (
                '<none>'
              ),
            ],
            ['Addresses', (st.addresses ?? []).map((a: Json) => `${a.type}: ${a.address}`).join(', ')],
            ['Labels', <Labels labels={o.metadata.labels} />],
          ]}
        />
      </Section>
      <Section title="Conditions" id="node-conditions">
        <Conditions conditions={st.conditions} />
      </Section>
      {node && (
        <Section title="Allocated resources" id="node-alloc">
          <table className="d-table">
            <thead>
              <tr>
                <th>Resource</th>
                <th>Requests</th>
                <th>Allocatable</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>cpu</td>
                <td>
                  {formatCpu(req.cpu)} ({pct(req.cpu, node.allocatable.cpu)})
                </td>
                <td>{formatCpu(node.allocatable.cpu)}</td>
              </tr>
              <tr>
                <td>memory</td>
                <td>
                  {formatMemory(req.memory)} ({pct(req.memory, node.allocatable.memory)})
                </td>
                <td>{formatMemory(node.allocatable.memory)}</td>
              </tr>
              <tr>
                <td>pods</td>
                <td>
                  {pods.length} ({pct(pods.length, node.allocatable.pods)})
                </td>
                <td>{node.allocatable.pods}</td>
              </tr>
            </tbody>
          </table>
        </Section>
      )}
      <Section title={`Pods (${d.children.length})`} id="node-pods">
        {d.children.length ? (
          <ul className="ref-list">
            {d.children.map((r) => (
              <li key={r.uid ?? r.name}>
                <RefLink r={r} /> <span className="muted">{r.namespace}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No pods.</p>
        )}
      </Section>
      <Section title="Events" id="node-events">
        <Events events={d.events} />
      </Section>
    </>
  );
}
