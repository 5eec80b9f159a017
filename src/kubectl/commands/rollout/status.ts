/** `kubectl rollout status` (pkg/cmd/rollout/rollout_status.go + polymorphichelpers/rollout_status.go). */
import type { Cmd } from '../../cli/command';
import { resourcePath } from '../../client/paths';
import { watch } from '../../client/watch';
import type { J } from '../../describe/format';
import { build } from '../../resource/builder';

/** StatusViewer.Status: the line to print and whether the rollout is done; throws kubectl's errors. */
export function rolloutStatus(kind: string, group: string, o: J, revision: number): { text: string; done: boolean } {
  const name = o.metadata?.name;
  const gen = o.metadata?.generation ?? 0;
  const st = o.status ?? {};
  const spec = o.spec ?? {};
  if (group === 'apps' && kind === 'Deployment') {
    if (revision > 0) {
      const rev = Number(o.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
      if (revision !== rev) throw new Error(`desired revision (${revision}) is different from the running revision (${rev})`);
    }
    if (gen <= (st.observedGeneration ?? 0)) {
      const cond = ((st.conditions as J[]) ?? []).find((c) => c.type === 'Progressing');
      if (cond?.reason === 'ProgressDeadlineExceeded') throw new Error(`deployment "${name}" exceeded its progress deadline`);
      const want = spec.replicas;
      if (want !== undefined && (st.updatedReplicas ?? 0) < want)
        return { text: `Waiting for deployment "${name}" rollout to finish: ${st.updatedReplicas ?? 0} out of ${want} new replicas have been updated...\n`, done: false };
      if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0))
        return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old replicas are pending termination...\n`, done: false };
      if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0))
        return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${st.updatedReplicas ?? 0} updated replicas are available...\n`, done: false };
      return { text: `deployment "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  if (group === 'apps' && kind === 'DaemonSet') {
    if (spec.updateStrategy?.type !== 'RollingUpdate') throw new Error('rollout status is only available for RollingUpdate strategy type');
    if (gen <= (st.observedGeneration ?? 0)) {
      if ((st.updatedNumberScheduled ?? 0) < (st.desiredNumberScheduled ?? 0))
        return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${st.desiredNumberScheduled ?? 0} new pods have been updated...\n`, done: false };
      if ((st.numberAvailable ?? 0) < (st.desiredNumberScheduled ?? 0))
        return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${st.desiredNumberScheduled ?? 0} updated pods are available...\n`, done: false };
      return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  if (group === 'apps' && kind === 'StatefulSet') {
    if (spec.updateStrategy?.type !== 'RollingUpdate') throw new Error('rollout status is only available for RollingUpdate strategy type');
    if (!st.observedGeneration || gen > st.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
    if (spec.replicas !== undefined && (st.readyReplicas ?? 0) < spec.replicas) return { text: `Waiting for ${spec.replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru) {
      if (spec.replicas !== undefined && ru.partition !== undefined && ru.partition !== null) {
        if ((st.updatedReplicas ?? 0) < spec.replicas - ru.partition)
          return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${spec.replicas - ru.partition} new pods have been updated...\n`, done: false };
      }
      return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
    }
    if (st.updateRevision !== st.currentRevision)
      return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
    return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
  }
  throw new Error(`no status viewer has been implemented for ${group ? `${kind}.${group}` : kind}`);
}

export async function runStatus(cmd: Cmd): Promise<void> {
  const revision = cmd.int('revision');
  if (revision < 0) throw new Error(`revision must be a positive integer: ${revision}`);
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), labelSelector: cmd.has('selector') ? cmd.str('selector') : undefined, allowEmptySelector: true, latest: true, flatten: true });
  if (result.errors.length) throw result.errors[0];
  let found = false;
  for (const info of result.infos) {
    found = true;
    const fieldSelector = `metadata.name=${info.name}`;
    const list = await cmd.client.call<J>({ path: resourcePath(info.mapping, info.namespace), query: { fieldSelector, limit: '500', resourceVersion: '0' } });
    const obj = ((list.items as J[]) ?? [])[0];
    let finished = false;
    const handle = (o: J): boolean => {
      const s = rolloutStatus(info.mapping.kind, info.mapping.group, o, revision);
      cmd.out(s.text);
      if (s.done || !cmd.bool('watch')) finished = true;
      return finished;
    };
    if (obj && handle(obj)) continue;
    const rv = String(list.metadata?.resourceVersion ?? '');
    while (!finished) {
      await watch(cmd, { path: resourcePath(info.mapping, info.namespace), query: { allowWatchBookmarks: 'true', fieldSelector, resourceVersion: rv, timeoutSeconds: '420', watch: 'true' } }, (e) => {
        if (e.type === 'BOOKMARK') return;
        if (e.type === 'DELETED') throw new Error('object has been deleted');
        if (e.type === 'ERROR') throw new Error(`internal error: unexpected event`);
        return handle(e.object as J);
      });
    }
  }
  if (!found) cmd.err(`No resources found in ${cmd.namespace} namespace.\n`);
}
