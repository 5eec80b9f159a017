import type { ControllerFactory } from './types';
import { replicaSetController } from './replicaset';
import { deploymentController } from './deployment';
import { endpointsController } from './endpoints';
import { endpointSliceController } from './endpointslice';
import { namespaceController } from './namespace';
import { garbageCollector } from './garbagecollector';
import { nodeLifecycleController } from './nodelifecycle';

/**
 * Every control loop the cluster runs, by name (as kube-controller-manager, kube-scheduler and the
 * kubelets are named). Adding a controller = one folder exporting a factory + one line here.
 */
export const controllerRegistry: ControllerFactory[] = [
  replicaSetController,
  deploymentController,
  endpointsController,
  endpointSliceController,
  namespaceController,
  garbageCollector,
  nodeLifecycleController,
];
