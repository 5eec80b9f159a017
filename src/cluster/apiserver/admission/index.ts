import { defaultTolerationSeconds } from './defaultTolerationSeconds';
import { limitRanger } from './limitRanger';
import { namespaceLifecycle } from './namespaceLifecycle';
import { priority } from './priority';
import { resourceQuota } from './resourceQuota';
import { serviceAccount } from './serviceAccount';
import type { AdmissionPlugin } from './types';

export type { AdmissionPlugin, Attributes, Operation } from './types';

/**
 * The admission chain, in the order the apiserver runs it (kube-apiserver's AllOrderedPlugins:
 * ResourceQuota last). Add a plugin here, nowhere else.
 */
export const admissionPlugins: AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  priority,
  defaultTolerationSeconds,
  resourceQuota,
];
