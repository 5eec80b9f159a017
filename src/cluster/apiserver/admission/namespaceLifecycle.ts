import { apiErrors } from '../../api/errors';
import type { AdmissionPlugin } from './types';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

/**
 * NamespaceLifecycle: objects can only be created in a namespace that exists and is not
 * terminating; the system namespaces cannot be deleted.
 */
export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  validate(a, ctx) {
    if (a.def.kind === 'Namespace') {
      if (a.operation === 'DELETE' && IMMORTAL.has(a.name))
        throw apiErrors.forbidden('namespaces', '', a.name, 'this namespace may not be deleted');
      return;
    }
    if (!a.def.namespaced || a.operation !== 'CREATE') return;
    const ns = ctx.get('namespaces', undefined, a.namespace);
    if (!ns) throw apiErrors.notFound('namespaces', '', a.namespace);
    // Events may still be written while a namespace drains, as upstream allows.
    if (ns.metadata.deletionTimestamp && a.def.kind !== 'Event' && !a.subresource) {
      throw apiErrors.forbidden(
        a.def.plural,
        a.def.group,
        a.name,
        `unable to create new content in namespace ${a.namespace} because it is being terminated`,
      );
    }
  },
};
