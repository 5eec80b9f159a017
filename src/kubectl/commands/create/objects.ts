/**
 * The objects kubectl's generators build (create deployment|service|configmap|secret|namespace|
 * job|cronjob|serviceaccount, run, expose), shaped as the typed Go structs serialise: zero-value
 * structs that are not `omitempty` appear as `{}`/`null` (`creationTimestamp: null`,
 * `resources: {}`, `status: {}`), empty maps and lists are left out.
 */
import type { Obj } from '../../util/manifest';

export interface PodParams {
  name: string;
  image: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  args?: string[];
  command?: boolean;
  env?: { name: string; value: string }[];
  port?: number;
  hostPort?: number;
  imagePullPolicy?: string;
  restartPolicy: string;
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
  privileged?: boolean;
  serviceAccount?: string;
  namespace?: string;
}

const meta = (name: string, extra: Record<string, unknown> = {}) => ({ creationTimestamp: null, name, ...extra });

export function podObject(p: PodParams): Obj {
  const container: Record<string, unknown> = { image: p.image, name: p.name, resources: {} };
  if (p.args?.length) container[p.command ? 'command' : 'args'] = p.args;
  if (p.env?.length) container.env = p.env;
  if (p.imagePullPolicy) container.imagePullPolicy = p.imagePullPolicy;
  if (p.port !== undefined) container.ports = [{ containerPort: p.port, ...(p.hostPort && p.hostPort > 0 ? { hostPort: p.hostPort } : {}) }];
  if (p.stdin) container.stdin = true;
  if (p.stdinOnce) container.stdinOnce = true;
  if (p.tty) container.tty = true;
  if (p.privileged) container.securityContext = { privileged: true };
  const md: Record<string, unknown> = { labels: p.labels };
  if (p.annotations && Object.keys(p.annotations).length) md.annotations = p.annotations;
  if (p.namespace) md.namespace = p.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(p.name, md),
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: p.restartPolicy, ...(p.serviceAccount ? { serviceAccountName: p.serviceAccount } : {}) },
    status: {},
  };
}

/** create deployment's container names: the image's last path part, without tag or digest. */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop()!;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  return name;
}

export function deploymentObject(name: string, images: string[], replicas: number, port: number, command: string[], namespace?: string, randomSuffix?: () => string): Obj {
  const labels = { app: name };
  const containers = images.map((image) => {
    let n = containerNameFromImage(image);
    if (/[_.]/.test(n)) n = `${n.replace(/[_.]/g, '-')}-${randomSuffix?.() ?? 'xxxxx'}`;
    return { image, name: n, resources: {}, ...(command.length ? { command } : {}) } as Record<string, unknown>;
  });
  if (port >= 0 && containers.length) containers[0].ports = [{ containerPort: port }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, { labels, ...(namespace ? { namespace } : {}) }),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: string;
  targetPort: number | string;
  nodePort?: number;
}

export function serviceObject(o: {
  name: string;
  type?: string;
  labels?: Record<string, string>;
  selector?: Record<string, string>;
  ports: ServicePort[];
  clusterIP?: string;
  externalName?: string;
  externalIPs?: string[];
  loadBalancerIP?: string;
  sessionAffinity?: string;
  namespace?: string;
}): Obj {
  const spec: Record<string, unknown> = {};
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  if (o.externalIPs?.length) spec.externalIPs = o.externalIPs;
  if (o.externalName) spec.externalName = o.externalName;
  if (o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP;
  if (o.ports.length) spec.ports = o.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), ...(p.nodePort ? { nodePort: p.nodePort } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  if (o.selector && Object.keys(o.selector).length) spec.selector = o.selector;
  if (o.sessionAffinity) spec.sessionAffinity = o.sessionAffinity;
  if (o.type) spec.type = o.type;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(o.name, { ...(o.labels && Object.keys(o.labels).length ? { labels: o.labels } : {}), ...(o.namespace ? { namespace: o.namespace } : {}) }),
    spec,
    status: { loadBalancer: {} },
  };
}

export function jobObject(name: string, image: string, command: string[], namespace?: string): Obj {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(name, namespace ? { namespace } : {}),
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: { containers: [{ image, name, resources: {}, ...(command.length ? { command } : {}) }], restartPolicy: 'Never' },
      },
    },
    status: {},
  };
}

export function cronJobObject(name: string, image: string, schedule: string, restart: string, command: string[], namespace?: string): Obj {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(name, namespace ? { namespace } : {}),
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: { containers: [{ image, name, resources: {}, ...(command.length ? { command } : {}) }], ...(restart ? { restartPolicy: restart } : {}) },
          },
        },
      },
      schedule,
    },
    status: {},
  };
}
