/** Any other kind: its metadata, owners, conditions and events. */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Description } from '../../../protocol/messages';
import { Conditions, Events, KV, Labels, RefLink, Section } from './parts';

export function GenericDescribe({ d }: { d: Description }) {
  const o = d.object as any;
  return (
    <>
      <Section title={o.kind ?? d.ref.kind} id="gen-main">
        <KV
          rows={[
            ['Namespace', o.metadata?.namespace],
            ['Controlled By', d.owners.length ? <RefLink r={d.owners[0]} /> : undefined],
            ['Labels', <Labels labels={o.metadata?.labels} />],
          ]}
        />
      </Section>
      {o.status?.conditions && (
        <Section title="Conditions" id="gen-conditions">
          <Conditions conditions={o.status.conditions} />
        </Section>
      )}
      <Section title="Events" id="gen-events">
        <Events events={d.events} />
      </Section>
    </>
  );
}
