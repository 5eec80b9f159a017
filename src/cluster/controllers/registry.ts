import type { ControllerFactory } from './types';
import { jobController } from './job';
import { replicaSetController } from './replicaset';
import { deploymentController } from './deployment';
import { endpointsController } from './endpoints';
import { endpointSliceController } from './endpointslice';
import { namespaceController } from './namespace';
import { garbageCollector } from './garbagecollector';
import { nodeLifecycleController } from './nodelifecycle';
import { taintEvictionController } from './nodelifecycle/taintManager';
import { serviceAccountController } from './serviceaccount';
import { rootCAPublisher } from './serviceaccount';
import { disruptionController } from './disruption';

/**
 * Every control loop the cluster runs, by name (as kube-controller-manager, kube-scheduler and the
 * kubelets are named). Adding a controller = one folder exporting a factory + one line here.
 */
export const controllerRegistry: ControllerFactory[] = [
  jobController,
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
];
