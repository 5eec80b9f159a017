/**
 * Probe stages: a probe runs on its worker's ticker (every periodSeconds, after initialDelaySeconds;
 * readiness also right after the container starts). The `probe` effect counts consecutive results
 * against successThreshold/failureThreshold and flips readiness, marks startup done or asks for a
 * restart. A probe whose result cannot change stops ticking ("settled") until something changes.
 */
import type { Stage } from './types';

export const probeStages: Stage[] = [
  {
    name: 'probe-run',
    subject: 'probe',
    match: { containerState: ['Running'], enabled: [true], settled: [false] },
    delay: { from: 'probeTick' },
    next: {
      effects: ['probe'],
      events: [{ type: 'Warning', reason: 'Unhealthy', message: '{probeName} probe failed: {probeMessage}', if: { lastOk: ['false'] } }],
    },
  },
];
