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
  /**
   * The score when it cannot differ between nodes: each of the pod's images is on every node or on
   * none, or even a node holding all of them stays under the 23 MB floor (the pause image, say).
   */
  const uniform = (pod: PodInfo): number | null => {
    const n = pod.images.length;
    if (!h.cache.anyImages) return calculatePriority(0, n);
    const total = h.cache.numNodes;
    let everywhere = 0;
    let most = 0;
    let partial = false;
    for (const img of pod.images) {
      const s = h.cache.imageSummary(img);
      if (!s || s.numNodes === 0) continue;
      most += s.size;
      if (s.numNodes >= total) everywhere += scaledImageScore(s, total);
      else partial = true;
    }
    if (!partial) return calculatePriority(everywhere, n);
    return most < minThreshold ? calculatePriority(0, n) : null;
  };
  return {
    name: Name,
    score: (_state, pod, node) => score(pod, node),
    uniformScore: (_state, pod) => uniform(pod),
    // The framework asks uniformScore first and only calls this when nodes can differ.
    scoreAll(_state, pod, nodes, out, n) {
      for (let i = 0; i < n; i++) out[i] = score(pod, nodes[i]!);
    },
  };
}
