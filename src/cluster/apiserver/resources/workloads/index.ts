import type { ResourceDef } from '../../types';
import { controllerrevisions } from './controllerrevision';
import { cronjobs } from './cronjob';
import { daemonsets } from './daemonset';
import { deployments } from './deployment';
import { horizontalpodautoscalers } from './hpa';
import { jobs } from './job';
import { poddisruptionbudgets } from './pdb';
import { replicasets } from './replicaset';
import { statefulsets } from './statefulset';

/** The workload kinds: apps/v1, batch/v1, autoscaling/v2 and policy/v1. */
export const workloadResources: ResourceDef[] = [
  controllerrevisions,
  daemonsets,
  deployments,
  replicasets,
  statefulsets,
  horizontalpodautoscalers,
  cronjobs,
  jobs,
  poddisruptionbudgets,
];
