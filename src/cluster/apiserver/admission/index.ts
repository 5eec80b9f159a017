import { namespaceLifecycle } from './namespaceLifecycle';
import type { AdmissionPlugin } from './types';

export type { AdmissionPlugin, Attributes, Operation } from './types';

/** The admission chain, in the order the apiserver runs it. Add a plugin here, nowhere else. */
export const admissionPlugins: AdmissionPlugin[] = [namespaceLifecycle];
