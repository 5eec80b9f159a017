/**
 * PodSpec and PodTemplateSpec validation as pkg/apis/core/validation ValidatePodSpec /
 * ValidatePodTemplateSpec (v1.32), checks in upstream order so multi-error messages read the same.
 * Not covered: resourceClaims (DRA is off by default in 1.32), Windows host-process rules, seccomp /
 * AppArmor annotation-vs-field consistency.
 */
import { FieldErrorType, fieldErr, type FieldError } from '../../../api/errors';
import { isValidIP, nameIsDNSSubdomain, validateAnnotations, validateLabels } from '../../../api/validation';
import { validateContainers, validateEphemeralContainers, validateInitContainers } from './containerValidation';
import { validateResourceRequirements } from './resourceValidation';
import { validateAffinity, validateTolerations, validateTopologySpread } from './schedulingValidation';
import { validatePodSecurityContext } from './securityValidation';
import { arr, dns1123Label, dns1123Subdomain, enumValue, isObj, qualifiedName, str, type Json } from './validationHelpers';
import { validateVolumes } from './volumeValidation';

export interface PodSpecValidationOptions {
  /** True for PodSpecs embedded in templates (Deployments, Jobs…): no Pod-only rules. */
  isTemplate: boolean;
  /** The pod's name, when known, for generic ephemeral volume PVC names. */
  podName?: string;
}

const subdomainErrs = (field: string, v: string) => nameIsDNSSubdomain(v, false).map((m) => fieldErr.invalid(field, v, m));

/** ValidatePodSpec. `path` is `spec` for pods and `spec.template.spec` for workloads. */
export function validatePodSpec(spec: Json, path: string, opts: PodSpecValidationOptions): FieldError[] {
  if (!isObj(spec)) spec = {};
  const errs: FieldError[] = [];
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  if (spec.terminationGracePeriodSeconds == null) errs.push(fieldErr.required(`${path}.terminationGracePeriodSeconds`));
  const { errs: volErrs, vols } = validateVolumes(spec.volumes, `${path}.volumes`, opts.podName);
  errs.push(...volErrs);
  errs.push(...validateContainers(spec.containers, vols, grace, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, vols, grace, `${path}.initContainers`));
  errs.push(...validateEphemeralContainers(spec.ephemeralContainers, spec, vols, `${path}.ephemeralContainers`));
  errs.push(...hostNetworkDeps(spec, path, !opts.isTemplate));
  errs.push(...enumValue(`${path}.restartPolicy`, spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  errs.push(...enumValue(`${path}.dnsPolicy`, spec.dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validatePodSecurityContext(spec, `${path}.securityContext`));
  arr(spec.imagePullSecrets).forEach((s, i) => {
    if (isObj(s) && Object.keys(s).some((k) => k !== 'name'))
      errs.push({ type: FieldErrorType.Invalid, field: `${path}.imagePullSecrets[${i}]`, value: `core.LocalObjectReference{Name:${JSON.stringify(str(s.name))}}`, detail: 'only name may be set' });
  });
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  errs.push(...validateDNSConfig(spec, `${path}.dnsConfig`));
  arr(spec.readinessGates).forEach((g, i) => errs.push(...qualifiedName(`${path}.readinessGates[${i}].conditionType`, str(g?.conditionType))));
  const gates = new Set<string>();
  arr(spec.schedulingGates).forEach((g, i) => {
    const name = str(g?.name);
    errs.push(...qualifiedName(`${path}.schedulingGates[${i}]`, name));
    if (gates.has(name)) errs.push(fieldErr.duplicate(`${path}.schedulingGates[${i}]`, name));
    gates.add(name);
  });
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints, `${path}.topologySpreadConstraints`));
  if (str(spec.serviceAccountName)) errs.push(...subdomainErrs(`${path}.serviceAccountName`, spec.serviceAccountName));
  if (str(spec.nodeName)) errs.push(...subdomainErrs(`${path}.nodeName`, spec.nodeName));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > 2147483647))
    errs.push(fieldErr.invalid(`${path}.activeDeadlineSeconds`, ads, 'must be between 1 and 2147483647, inclusive'));
  if (str(spec.hostname)) errs.push(...dns1123Label(`${path}.hostname`, spec.hostname));
  if (str(spec.subdomain)) errs.push(...dns1123Label(`${path}.subdomain`, spec.subdomain));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  arr(spec.hostAliases).forEach((h, i) => {
    errs.push(...isValidIP(`${path}.hostAliases[${i}].ip`, str(h?.ip)));
    arr(h?.hostnames).forEach((n, j) => errs.push(...dns1123Subdomain(`${path}.hostAliases[${i}].hostnames[${j}]`, str(n))));
  });
  if (str(spec.priorityClassName)) errs.push(...subdomainErrs(`${path}.priorityClassName`, spec.priorityClassName));
  if (spec.runtimeClassName != null) errs.push(...subdomainErrs(`${path}.runtimeClassName`, str(spec.runtimeClassName)));
  if (spec.preemptionPolicy != null)
    errs.push(...enumValue(`${path}.preemptionPolicy`, spec.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  if (isObj(spec.overhead)) errs.push(...validateResourceRequirements({ limits: spec.overhead }, `${path}.overhead`));
  if (isObj(spec.os)) {
    const os = str(spec.os.name);
    if (!os) errs.push(fieldErr.required(`${path}.os.name`, 'cannot be empty'));
    else if (os !== 'linux' && os !== 'windows') errs.push(fieldErr.notSupported(`${path}.os`, os, ['linux', 'windows']));
  }
  return errs;
}

// validatePodHostNetworkDeps: with hostNetwork a pod's hostPort must equal containerPort
// (templates may leave it 0, it is defaulted when the pod is created).
function hostNetworkDeps(spec: Json, path: string, isPod: boolean): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  arr(spec.containers).forEach((c, i) =>
    arr(c?.ports).forEach((p, j) => {
      const hp = p?.hostPort ?? 0;
      if ((isPod || hp !== 0) && hp !== p?.containerPort)
        errs.push(fieldErr.invalid(`${path}.containers[${i}].ports[${j}].hostPort`, hp, 'must match `containerPort` when `hostNetwork` is true'));
    }),
  );
  return errs;
}

function validateDNSConfig(spec: Json, path: string): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!isObj(cfg)) return [fieldErr.required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!arr(cfg.nameservers).length)
      return [fieldErr.required(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!isObj(cfg)) return [];
  const errs: FieldError[] = [];
  const ns = arr(cfg.nameservers);
  if (ns.length > 3) errs.push(fieldErr.invalid(`${path}.nameservers`, ns, 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...isValidIP(`${path}.nameservers[${i}]`, str(n))));
  const searches = arr(cfg.searches).map(str);
  if (searches.length > 32) errs.push(fieldErr.invalid(`${path}.searches`, searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048)
    errs.push(fieldErr.invalid(`${path}.searches`, searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => errs.push(...dns1123Subdomain(`${path}.searches[${i}]`, s.replace(/\.$/, ''))));
  arr(cfg.options).forEach((o, i) => {
    if (!str(o?.name)) errs.push(fieldErr.required(`${path}.options[${i}]`, 'must not be empty'));
  });
  return errs;
}

/** ValidatePodSpecificAnnotations: mirror pods need a node; pod-deletion-cost must be an int32. */
export function validatePodSpecificAnnotations(annotations: Json, spec: Json, path: string): FieldError[] {
  if (!isObj(annotations)) return [];
  const errs: FieldError[] = [];
  const mirror = annotations['kubernetes.io/config.mirror'];
  if (mirror !== undefined && !str(spec?.nodeName))
    errs.push(fieldErr.invalid(`${path}[kubernetes.io/config.mirror]`, mirror, 'must set spec.nodeName if mirror pod annotation is set'));
  const cost = annotations['controller.kubernetes.io/pod-deletion-cost'];
  if (cost !== undefined) {
    const ok = /^-?[0-9]+$/.test(cost) && Number(cost) >= -2147483648 && Number(cost) <= 2147483647;
    if (!ok) errs.push(fieldErr.invalid(`${path}[controller.kubernetes.io/pod-deletion-cost]`, cost, 'must be a 32bit integer'));
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels and annotations, then the spec as a template. */
export function validatePodTemplateSpec(tmpl: Json, path: string): FieldError[] {
  const t = isObj(tmpl) ? tmpl : {};
  const meta = isObj(t.metadata) ? t.metadata : {};
  const spec = isObj(t.spec) ? t.spec : {};
  const errs: FieldError[] = [];
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validatePodSpecificAnnotations(meta.annotations, spec, `${path}.annotations`));
  errs.push(...validatePodSpec(spec, `${path}.spec`, { isTemplate: true }));
  if (arr(spec.ephemeralContainers).length)
    errs.push(fieldErr.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  return errs;
}
