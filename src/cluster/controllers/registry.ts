import type { ControllerFactory } from './types';
import { jobController } from './job';
import { cronJobController } from './cronjob';
import { ttlAfterFinishedController } from './ttlafterfinished';
import { statefulSetController } from './statefulset';
import { daemonSetController } from './daemonset';
import { replicaSetController } from './replicaset';
import { deploymentController } from './deployment';
import { endpointsController } from './endpoints';
import { endpointSliceController } from './endpointslice';
import { namespaceController } from './namespace';
import { garbageCollector } from './garbagecollector';
import { nodeLifecycleController } from './nodelifecycle';
import { taintEvictionController } from './nodelifecycle/taintManager';
import { rootCAPublisher, serviceAccountController } from './serviceaccount';
import { disruptionController } from './disruption';
import { persistentVolumeBinder } from './persistentvolume';
import { localPathProvisioner } from './persistentvolume/provisioner';
import { podGarbageCollector } from './podgc';
import { schedulerFactory } from '../scheduler';
import { resourceQuotaController } from './resourcequota';
import { kubelet } from '../kubelet';

/**
 * Every control loop the cluster runs, by name (as kube-controller-manager, kube-scheduler and the
 * kubelets are named). Adding a controller = one folder exporting a factory + one line here.
 */
export const controllerRegistry: ControllerFactory[] = [
  jobController,
  cronJobController,
  ttlAfterFinishedController,
  statefulSetController,
  daemonSetController,
  replicaSetController,
  deploymentController,
  endpointsController,
  endpointSliceController,
  namespaceController,
  garbageCollector,
  nodeLifecycleController,
  taintEvictionController,
  serviceAccountController,
  rootCAPublisher,
  disruptionController,
  persistentVolumeBinder,
  localPathProvisioner,
  podGarbageCollector,
  schedulerFactory,
  resourceQuotaController,
  kubelet,
];
