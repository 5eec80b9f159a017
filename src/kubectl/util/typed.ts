/**
 * What a typed Go object adds when kubectl marshals it (set/rollout work on typed objects): empty
 * structs that are not `omitempty`. For the pod templates learners meet: `creationTimestamp: null`
 * in template metadata and `resources: {}` in containers.
 */
type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function typedPodTemplate(t: J): J {
  const containers = (list: J[] | undefined) => list?.map((c) => ({ ...c, resources: c.resources ?? {} }));
  return {
    ...t,
    metadata: { ...(t.metadata ?? {}), creationTimestamp: null },
    spec: { ...(t.spec ?? {}), containers: containers(t.spec?.containers) ?? [], ...(t.spec?.initContainers ? { initContainers: containers(t.spec.initContainers) } : {}) },
  };
}

/** The object as its typed struct would print: templates normalised (top-level metadata is real). */
export function typedView(o: J): J {
  const c = structuredClone(o);
  if (c.spec?.template) c.spec.template = typedPodTemplate(c.spec.template);
  if (c.spec?.jobTemplate) {
    c.spec.jobTemplate.metadata = { ...(c.spec.jobTemplate.metadata ?? {}), creationTimestamp: null };
    if (c.spec.jobTemplate.spec?.template) c.spec.jobTemplate.spec.template = typedPodTemplate(c.spec.jobTemplate.spec.template);
  }
  // ClusterRole.rules has no omitempty: an aggregated role without rules prints `rules: null`.
  if (c.kind === 'ClusterRole' && !('rules' in c)) c.rules = null;
  // IngressStatus.loadBalancer is a struct: never omitted.
  if (c.kind === 'Ingress') c.status = { ...(c.status ?? {}), loadBalancer: c.status?.loadBalancer ?? {} };
  if (c.kind === 'Pod') c.spec = { ...c.spec, containers: (c.spec?.containers ?? []).map((x: J) => ({ ...x, resources: x.resources ?? {} })) };
  return c;
}
