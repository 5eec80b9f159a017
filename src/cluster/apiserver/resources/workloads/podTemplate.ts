/**
 * Pod-template rules of the controllers whose pods run forever (ValidatePodTemplateSpecForReplicaSet
 * in pkg/apis/apps/validation): selector must match the template labels, the template must be a
 * valid pod template, restartPolicy must be Always and activeDeadlineSeconds is not allowed.
 */
import { fieldErr, type FieldError } from '../../../api/errors';
import type { Selector } from '../../../api/labels';
import { validatePodTemplateSpec } from '../pod/specValidation';
import { templateLabelsMismatch } from './shared';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Template = Record<string, any> | undefined | null;

/** restartPolicy Always only, no activeDeadlineSeconds (`activeDeadlineSeconds in <Kind> is not Supported`). */
export function alwaysRestartRules(template: Template, path: string, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const spec = template?.spec ?? {};
  const policy = spec.restartPolicy ?? '';
  if (policy !== 'Always') errs.push(fieldErr.notSupported(`${path}.spec.restartPolicy`, policy, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null)
    errs.push(fieldErr.forbidden(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kind} is not Supported`));
  return errs;
}

/** ValidatePodTemplateSpecForReplicaSet (Deployments and ReplicaSets share it, message included). */
export function validateReplicaSetTemplate(template: Template, sel: Selector | null, path: string): FieldError[] {
  const errs = templateLabelsMismatch(sel, template?.metadata?.labels, `${path}.metadata.labels`);
  errs.push(...validatePodTemplateSpec(template ?? {}, path));
  errs.push(...alwaysRestartRules(template, path, 'ReplicaSet'));
  return errs;
}
