/**
 * `kubectl autoscale` (pkg/cmd/autoscale): for each scalable object (one with a `scale`
 * subresource in discovery) build an autoscaling/v1 HorizontalPodAutoscaler — kubectl 1.32 still
 * creates through the v1 client — and print `horizontalpodautoscaler.autoscaling/NAME autoscaled`.
 */
import type { Command, Cmd } from '../cli/command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, printFlags, recordFlag } from '../cli/common';
import { dryRunStrategy } from '../cli/dryrun';
import { aggregate } from '../errors';
import { groupVersion } from '../discovery/types';
import { GENERIC_FORMATS, objectPrinter, successLine, withDryRun } from '../printers/output';
import { build } from '../resource/builder';
import { goJson } from '../printers/json';
import type { Obj } from '../util/manifest';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function validate(min: number, max: number): void {
  if (max < 1) throw new Error(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new Error(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
}

function hpaFor(cmd: Cmd, refName: string, apiVersion: string, kind: string): Obj {
  const spec: Record<string, unknown> = { scaleTargetRef: { kind, name: refName, apiVersion } };
  const min = cmd.int('min');
  if (min > 0) spec.minReplicas = min;
  spec.maxReplicas = cmd.int('max');
  const cpu = cmd.int('cpu-percent');
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: { name: cmd.str('name') || refName, creationTimestamp: null },
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

async function run(cmd: Cmd): Promise<void> {
  const dry = dryRunStrategy(cmd);
  const min = cmd.int('min');
  const max = cmd.int('max');
  validate(min, max);
  const result = await build(cmd, { args: cmd.args, filenames: cmd.list('filename'), recursive: cmd.bool('recursive'), flatten: true, latest: true });
  const errors = [...result.errors];
  let count = 0;
  for (const info of result.infos) {
    const m = info.mapping;
    if (!m.subresources.includes('scale')) {
      errors.push(new Error(`cannot autoscale a ${m.kind}: could not find scale subresource for ${m.group}/${m.version}, Resource=${m.resource} in discovery information`));
      continue;
    }
    const hpa = hpaFor(cmd, info.name, groupVersion(m), m.kind);
    const operation = dry === 'client' ? 'created' : 'autoscaled';
    const printer = objectPrinter({ format: cmd.str('output'), template: cmd.str('template'), showManagedFields: cmd.bool('show-managed-fields'), typed: true }, GENERIC_FORMATS);
    if (dry === 'client') {
      count++;
      cmd.out(printer ? printer.print(hpa) : successLine(hpa, withDryRun(operation, dry)));
      continue;
    }
    let body: Obj = hpa;
    if (cmd.bool('save-config')) {
      const md = hpa.metadata as Record<string, unknown>;
      body = { ...hpa, metadata: { ...md, annotations: { [LAST_APPLIED]: `${goJson(hpa)}\n` } } };
    }
    const query: Record<string, string> = { fieldManager: cmd.str('field-manager') || 'kubectl-autoscale' };
    if (dry === 'server') query.dryRun = 'All';
    const { creationTimestamp: _ts, ...md } = body.metadata as Record<string, unknown>;
    void _ts;
    const { status: _st, ...rest } = body;
    void _st;
    try {
      const created = await cmd.client.call<Obj>({
        method: 'POST',
        path: `/apis/autoscaling/v1/namespaces/${cmd.namespace}/horizontalpodautoscalers`,
        query,
        contentType: 'application/json',
        body: JSON.stringify({ ...rest, metadata: md }),
      });
      count++;
      cmd.out(printer ? printer.print(created) : successLine(created.kind ? created : hpa, withDryRun(operation, dry)));
    } catch (e) {
      errors.push(e as Error);
    }
  }
  const err = aggregate(errors);
  if (err) throw err;
  if (count === 0) throw new Error('no objects passed to autoscale');
}

export const autoscaleCommand: Command = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  use: 'autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU]',
  flags: [
    recordFlag,
    ...printFlags,
    { name: 'min', type: 'int', default: -1, usage: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value." },
    { name: 'max', type: 'int', default: -1, usage: 'The upper limit for the number of pods that can be set by the autoscaler. Required.' },
    { name: 'cpu-percent', type: 'int', default: -1, usage: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used." },
    { name: 'name', type: 'string', usage: 'The name for the newly created object. If not specified, the name of the input resource will be used.' },
    dryRunFlag,
    ...filenameFlags('identifying the resource to autoscale.'),
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    fieldManagerFlag('kubectl-autoscale'),
  ],
  required: ['max'],
  run,
};
