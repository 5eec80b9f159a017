/**
 * Pod spec defaulting as k8s.io/kubernetes pkg/apis/core/v1 defaults.go + zz_generated.defaults.go
 * (v1.32): SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction, volume sources, ports, env field
 * refs, resource lists (rounded up to milli and printed canonically). Pod-only parts (SetDefaults_Pod)
 * are skipped for templates, exactly as upstream keeps them out of PodTemplateSpec.
 */
import { formatQuantity, parseQuantity, type Quantity } from '../../../api/quantity';
import { defaultPullPolicy } from './imageName';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const isObj = (v: unknown): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v : []);

/** Defaults a PodSpec in place. `isTemplate` leaves out SetDefaults_Pod (Deployments, Jobs… templates). */
export function defaultPodSpec(spec: Json, opts: { isTemplate: boolean }): void {
  if (!isObj(spec)) return;
  if (!opts.isTemplate) defaultPodOnly(spec);
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  if (spec.securityContext == null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds == null) spec.terminationGracePeriodSeconds = 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const v of arr(spec.volumes)) if (isObj(v)) defaultVolume(v);
  for (const c of arr(spec.initContainers)) if (isObj(c)) defaultContainer(c);
  for (const c of arr(spec.containers)) if (isObj(c)) defaultContainer(c);
  for (const c of arr(spec.ephemeralContainers)) if (isObj(c)) defaultContainer(c);
  if (isObj(spec.overhead)) roundResourceList(spec.overhead);
}

/** Defaults a PodTemplateSpec (`spec.template` of workloads) in place. */
export function defaultPodTemplateSpec(tmpl: Json): void {
  if (!isObj(tmpl)) return;
  if (!isObj(tmpl.spec)) tmpl.spec = {};
  defaultPodSpec(tmpl.spec, { isTemplate: true });
}

// SetDefaults_Pod: requests from limits, enableServiceLinks, host ports under hostNetwork.
function defaultPodOnly(spec: Json): void {
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
    if (!isObj(c) || !isObj(c.resources) || !isObj(c.resources.limits)) continue;
    const limits = c.resources.limits;
    if (!isObj(c.resources.requests)) c.resources.requests = {};
    for (const [k, v] of Object.entries(limits)) if (!(k in c.resources.requests)) c.resources.requests[k] = v;
    if (Object.keys(c.resources.requests).length === 0) delete c.resources.requests;
  }
  if (spec.enableServiceLinks == null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const c of [...arr(spec.containers), ...arr(spec.initContainers)])
      for (const p of arr(c?.ports)) if (isObj(p) && !p.hostPort) p.hostPort = p.containerPort;
  }
}

function defaultContainer(c: Json): void {
  c.imagePullPolicy ||= defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const p of arr(c.ports)) if (isObj(p)) p.protocol ||= 'TCP';
  for (const e of arr(c.env)) if (isObj(e?.valueFrom?.fieldRef)) e.valueFrom.fieldRef.apiVersion ||= 'v1';
  // ResourceRequirements is a non-pointer struct upstream, so it always serialises (`resources: {}`).
  if (!isObj(c.resources)) c.resources = {};
  else {
    if (isObj(c.resources.limits)) roundResourceList(c.resources.limits);
    if (isObj(c.resources.requests)) roundResourceList(c.resources.requests);
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isObj(c[key])) defaultProbe(c[key]);
  for (const key of ['postStart', 'preStop']) {
    const h = c.lifecycle?.[key];
    if (isObj(h) && isObj(h.httpGet)) defaultHTTPGet(h.httpGet);
  }
}

function defaultProbe(p: Json): void {
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (isObj(p.httpGet)) defaultHTTPGet(p.httpGet);
  // GRPCAction.service carries `+default=""`.
  if (isObj(p.grpc) && p.grpc.service == null) p.grpc.service = '';
}

function defaultHTTPGet(h: Json): void {
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

// The volume sources with defaulting functions; the rest (nfs, csi…) have none.
function defaultVolume(v: Json): void {
  const sources = Object.keys(v).filter((k) => k !== 'name' && v[k] != null);
  if (sources.length === 0) v.emptyDir = {};
  if (isObj(v.hostPath) && v.hostPath.type == null) v.hostPath.type = '';
  if (isObj(v.secret) && v.secret.defaultMode == null) v.secret.defaultMode = 420;
  if (isObj(v.configMap) && v.configMap.defaultMode == null) v.configMap.defaultMode = 420;
  if (isObj(v.downwardAPI)) {
    if (v.downwardAPI.defaultMode == null) v.downwardAPI.defaultMode = 420;
    for (const f of arr(v.downwardAPI.items)) if (isObj(f?.fieldRef)) f.fieldRef.apiVersion ||= 'v1';
  }
  if (isObj(v.projected)) {
    if (v.projected.defaultMode == null) v.projected.defaultMode = 420;
    for (const s of arr(v.projected.sources)) {
      for (const f of arr(s?.downwardAPI?.items)) if (isObj(f?.fieldRef)) f.fieldRef.apiVersion ||= 'v1';
      if (isObj(s?.serviceAccountToken) && s.serviceAccountToken.expirationSeconds == null)
        s.serviceAccountToken.expirationSeconds = 3600;
    }
  }
  if (isObj(v.emptyDir) && v.emptyDir.sizeLimit != null) v.emptyDir.sizeLimit = canonical(v.emptyDir.sizeLimit, false);
  if (isObj(v.iscsi)) v.iscsi.iscsiInterface ||= 'default';
  if (isObj(v.rbd)) {
    v.rbd.pool ||= 'rbd';
    v.rbd.user ||= 'admin';
    v.rbd.keyring ||= '/etc/ceph/keyring';
  }
  if (isObj(v.azureDisk)) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  if (isObj(v.scaleIO)) {
    v.scaleIO.storageMode ||= 'ThinProvisioned';
    v.scaleIO.fsType ||= 'xfs';
  }
  const claimSpec = v.ephemeral?.volumeClaimTemplate?.spec;
  if (isObj(claimSpec)) {
    claimSpec.volumeMode ??= 'Filesystem';
    if (!isObj(claimSpec.resources)) claimSpec.resources = {};
    for (const k of ['limits', 'requests']) if (isObj(claimSpec.resources?.[k])) roundResourceList(claimSpec.resources[k]);
  }
}

const MILLI_NANOS = 1_000_000n;

// SetDefaults_ResourceList rounds every value up to milli precision; serialisation then prints the
// canonical form (`0.5` → `500m`). Values that are not quantities are left for validation.
function canonical(v: unknown, roundToMilli: boolean): unknown {
  if (typeof v !== 'string' && typeof v !== 'number') return v;
  let q: Quantity;
  try {
    q = parseQuantity(v);
  } catch {
    return v;
  }
  if (roundToMilli && q.nanos % MILLI_NANOS !== 0n) {
    const abs = q.nanos < 0n ? -q.nanos : q.nanos;
    const up = ((abs + MILLI_NANOS - 1n) / MILLI_NANOS) * MILLI_NANOS;
    q = { nanos: q.nanos < 0n ? -up : up, format: q.format };
  }
  return formatQuantity(q);
}

/** Canonicalises a resource list in place (SetDefaults_ResourceList). */
export function roundResourceList(list: Record<string, unknown>): void {
  for (const k of Object.keys(list)) list[k] = canonical(list[k], true);
}
