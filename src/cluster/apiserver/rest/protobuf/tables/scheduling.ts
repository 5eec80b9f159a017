import type { MessageTable } from '../schema';

/**
 * Protobuf layout of the scheduling types kubectl sends: field numbers, JSON names and types from
 * the upstream generated.proto files
 * (k8s.io/api @ v0.32.9), plus omitempty/pointer facts from the Go struct tags. Written as data,
 * one message per line: `number: [jsonName, type, flags?]` (see schema.ts for the flags).
 */
export const schedulingMessages: Record<string, MessageTable> = {
  'scheduling.v1.PriorityClass': { 1: ['metadata', 'meta.v1.ObjectMeta'], 2: ['value', 'int32', 'z'], 3: ['globalDefault', 'bool'], 4: ['description', 'string'], 5: ['preemptionPolicy', 'string', 'z'] },
};
