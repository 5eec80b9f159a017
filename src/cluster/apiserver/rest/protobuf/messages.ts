import type { MessageTable } from './schema';
import { appsMessages } from './tables/apps';
import { authenticationMessages } from './tables/authentication';
import { batchMessages } from './tables/batch';
import { coreMessages } from './tables/core';
import { metaMessages } from './tables/meta';
import { networkingMessages } from './tables/networking';
import { policyMessages } from './tables/policy';
import { rbacMessages } from './tables/rbac';
import { schedulingMessages } from './tables/scheduling';

/** Every message layout we know, by name ('apps.v1.Deployment'). */
export const MESSAGES: Readonly<Record<string, MessageTable>> = {
  ...metaMessages,
  ...coreMessages,
  ...appsMessages,
  ...authenticationMessages,
  ...batchMessages,
  ...networkingMessages,
  ...policyMessages,
  ...rbacMessages,
  ...schedulingMessages,
};

/**
 * The table prefix for an apiVersion: the core group is 'core', a dotted group is named by its
 * first label (rbac.authorization.k8s.io → rbac), as the proto packages are (k8s.io.api.rbac.v1).
 */
export function messageName(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? 'core' : apiVersion.slice(0, slash).split('.')[0];
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  // DeleteOptions is sent under whichever group the DELETE targets; it always lives in meta/v1.
  if (kind === 'DeleteOptions') return 'meta.v1.DeleteOptions';
  return `${group}.${version}.${kind}`;
}
