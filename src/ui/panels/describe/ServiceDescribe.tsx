/** A Service: its address, ports, selector and the pods behind it. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Description } from '../../../protocol/messages';
import { useMirror } from '../../bridge';
import { Events, KV, Labels, RefLink, Section } from './parts';

type Json = any;

export function ServiceDescribe({ d }: { d: Description }) {
  const o = d.object as Json;
  const spec = o.spec ?? {};
  const podViews = useMirror((s) => s.pods);
  const pods = d.children.map((r) => ({ r, p: r.uid ? podViews.get(r.uid) : undefined }));
  return (
    <>
      <Section title="Service" id="svc-main">
        <KV
          rows={[
            ['Namespace', o.metadata.namespace],
            ['Type', spec.type],
            ['IP', spec.clusterIP],
            ['Port', (spec.ports ?? []).map((p: Json) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol ?? 'TCP'} → ${p.targetPort}`).join(', ')],
            ['Selector', <Labels labels={spec.selector} />],
            ['Session Affinity', spec.sessionAffinity],
          ]}
        />
      </Section>
      <Section title={`Endpoints (${pods.length})`} id="svc-endpoints">
        {pods.length ? (
          <ul className="ref-list">
            {pods.map(({ r, p }) => (
              <li key={r.uid ?? r.name}>
                <RefLink r={r} />
                {p && (
                  <span className="muted">
                    {' '}
                    {p.ip} · {p.ready ? 'ready' : 'not ready'}
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No endpoints: no ready pod matches the selector.</p>
        )}
      </Section>
      <Section title="Events" id="svc-events">
        <Events events={d.events} />
      </Section>
    </>
  );
}
