/**
 * ImageLocality (Score): favours nodes that already have the pod's images (node.status.images),
 * weighted by image size and by how many nodes have the image (spread), between 23 MB and
 * 1000 MB per container.
 */
import type { ImageStateSummary, NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types';
import type { Handle } from '../../framework/handle';

export const Name = 'ImageLocality';

const mb = 1024 * 1024;
const minThreshold = 23 * mb;
const maxContainerThreshold = 1000 * mb;

/** scaledImageScore: size × (nodes with the image / all nodes), truncated. */
function scaledImageScore(s: ImageStateSummary, totalNodes: number): number {
  return Math.trunc(s.size * (s.numNodes / totalNodes));
}

/** calculatePriority: clamp the sum to [23 MB, 1000 MB × containers] and scale to 0..100. */
export function calculatePriority(sum: number, numContainers: number): number {
  const max = maxContainerThreshold * numContainers;
  const s = sum < minThreshold ? minThreshold : sum > max ? max : sum;
  return Math.trunc((MAX_NODE_SCORE * (s - minThreshold)) / (max - minThreshold));
}

export function newImageLocality(h: Handle): ScorePlugin {
  const score = (pod: PodInfo, node: NodeInfo): number => {
    const states = node.imageStates;
    if (!states) return calculatePriority(0, pod.images.length);
    const total = h.cache.numNodes;
    let sum = 0;
    for (const img of pod.images) {
      const s = states.get(img);
      if (s) sum += scaledImageScore(s, total);
    }
    return calculatePriority(sum, pod.images.length);
  };
  return {
    name: Name,
    score: (_state, pod, node) => score(pod, node),
    // No node reports images: every node scores as one without the pod's images.
    uniformScore: (_state, pod) => (h.cache.anyImages ? null : calculatePriority(0, pod.images.length)),
    scoreAll(_state, pod, nodes, out, n) {
      if (!h.cache.anyImages) out.fill(calculatePriority(0, pod.images.length), 0, n);
      else for (let i = 0; i < n; i++) out[i] = score(pod, nodes[i]!);
    },
  };
}
