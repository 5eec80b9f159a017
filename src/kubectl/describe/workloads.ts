/** describe for Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs (describe.go). */
import { humanDuration } from '../../cluster/api/duration';
import { describePodTemplate } from './pod';
import { describeEvents } from './events';
import { controllerOf, formatLabelSelector, intOrString, printAnnotationsMultiline, printLabelsMultiline, qty, rfc1123z, selectorString, type Ctx, type J } from './format';
import { L0, L1, tabbedString } from './writer';

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

export function describeDeployment(d: J, oldRSs: J[], newRSs: J[], events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = d.metadata ?? {};
    const spec = d.spec ?? {};
    const st = d.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    w.write(L0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp, ctx)}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(L0, `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
    w.write(L0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(L0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(L0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w, ctx);
    if (st.conditions?.length) {
      w.write(L0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(L1, '----\t------\t------\n');
      for (const c of st.conditions as J[]) w.write(L1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length || newRSs.length) {
      w.write(L0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(L0, `NewReplicaSet:\t${rsList(newRSs)}\n`);
    }
    if (events) describeEvents(events, w, ctx);
  });
}

function rsList(rss: J[]): string {
  const s = rss.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return s || '<none>';
}

export function describeReplicaSet(rs: J, events: J[] | undefined, pods: PodCounts, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = rs.metadata ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    w.write(L0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    const ctl = controllerOf(rs);
    if (ctl) w.write(L0, `Controlled By:\t${ctl}\n`);
    w.write(L0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(L0, 'Pods Status:\t');
    w.write(L0, `${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(rs.spec?.template, w, ctx);
    if (rs.status?.conditions?.length) {
      w.write(L0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(L1, '----\t------\t------\n');
      for (const c of rs.status.conditions as J[]) w.write(L1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeStatefulSet(s: J, events: J[] | undefined, pods: PodCounts, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = s.metadata ?? {};
    const spec = s.spec ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    w.write(L0, `CreationTimestamp:\t${rfc1123z(md.creationTimestamp, ctx)}\n`);
    w.write(L0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `Replicas:\t${spec.replicas ?? 0} desired | ${s.status?.replicas ?? 0} total\n`);
    w.write(L0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(L1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(L1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(L0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(spec.template, w, ctx);
    const vcts = (spec.volumeClaimTemplates as J[]) ?? [];
    if (!vcts.length) w.write(L0, 'Volume Claims:\t<none>\n');
    else {
      w.write(L0, 'Volume Claims:\n');
      for (const pvc of vcts) {
        w.write(L1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
        w.write(L1, `StorageClass:\t${pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`);
        printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ', '\t');
        printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ', '\t');
        const cap = pvc.spec?.resources?.requests?.storage;
        w.write(L1, `Capacity:\t${cap !== undefined ? qty(cap) : '<default>'}\n`);
        w.write(L1, `Access Modes:\t[${((pvc.spec?.accessModes as string[]) ?? []).join(' ')}]\n`);
      }
    }
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeDaemonSet(ds: J, events: J[] | undefined, pods: PodCounts, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = ds.metadata ?? {};
    const st = ds.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    const ns = ds.spec?.template?.spec?.nodeSelector ?? {};
    w.write(L0, `Node-Selector:\t${Object.keys(ns).length ? Object.keys(ns).sort().map((k) => `${k}=${ns[k]}`).join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
    w.write(L0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
    w.write(L0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
    w.write(L0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
    w.write(L0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
    w.write(L0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(ds.spec?.template, w, ctx);
    if (events) describeEvents(events, w, ctx);
  });
}

function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = job.metadata ?? {};
    const spec = job.spec ?? {};
    const st = job.status ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    w.write(L0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    const ctl = controllerOf(job);
    if (ctl) w.write(L0, `Controlled By:\t${ctl}\n`);
    if (spec.parallelism !== undefined) w.write(L0, `Parallelism:\t${spec.parallelism}\n`);
    if (spec.completions !== undefined && spec.completions !== null) w.write(L0, `Completions:\t${spec.completions}\n`);
    else w.write(L0, 'Completions:\t<unset>\n');
    if (spec.completionMode) w.write(L0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(L0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined) w.write(L0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined) w.write(L0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(L0, `Start Time:\t${rfc1123z(st.startTime, ctx)}\n`);
    if (st.completionTime) w.write(L0, `Completed At:\t${rfc1123z(st.completionTime, ctx)}\n`);
    if (st.startTime && st.completionTime) w.write(L0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
    if (spec.activeDeadlineSeconds !== undefined) w.write(L0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (st.ready === undefined || st.ready === null) w.write(L0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    else w.write(L0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed') w.write(L0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
    describePodTemplate(spec.template, w, ctx);
    if (events) describeEvents(events, w, ctx);
  });
}

export function describeCronJob(cj: J, events: J[] | undefined, ctx: Ctx): string {
  return tabbedString((w) => {
    const md = cj.metadata ?? {};
    const spec = cj.spec ?? {};
    w.write(L0, `Name:\t${md.name}\n`);
    w.write(L0, `Namespace:\t${md.namespace}\n`);
    printLabelsMultiline(w, 'Labels', md.labels);
    printAnnotationsMultiline(w, 'Annotations', md.annotations);
    w.write(L0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(L0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(L0, `Suspend:\t${spec.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
    w.write(L0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(L0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
    w.write(L0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined && spec.startingDeadlineSeconds !== null ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
    const jt = spec.jobTemplate ?? {};
    const js = jt.spec ?? {};
    w.write(L0, `Selector:\t${js.selector ? selectorString(js.selector) : '<unset>'}\n`);
    w.write(L0, `Parallelism:\t${js.parallelism ?? '<unset>'}\n`);
    w.write(L0, `Completions:\t${js.completions ?? '<unset>'}\n`);
    if (js.activeDeadlineSeconds !== undefined) w.write(L0, `Active Deadline Seconds:\t${js.activeDeadlineSeconds}s\n`);
    describePodTemplate(js.template, w, ctx);
    w.write(L0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime, ctx) : '<unset>'}\n`);
    w.write(L0, 'Active Jobs:\t');
    const active = (cj.status?.active as J[]) ?? [];
    if (!active.length) w.line('<none>');
    else {
      active.forEach((j, i) => {
        if (i) w.write(L0, ', ');
        w.write(L0, j.name);
      });
      w.line('');
    }
    if (events) describeEvents(events, w, ctx);
  });
}
