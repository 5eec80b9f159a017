/** `kubectl create <generator>`: each builds its object as kubectl's generator does, then createGenerated. */
import type { Command } from '../../cli/command';
import { isConfigMapKey, isDNS1123Subdomain } from '../../../cluster/api/formats';
import { commandAfterDash, createGenerated, enforcedNamespace, generatorFlags, nameFromArgs } from './generate';
import { cronJobObject, deploymentObject, jobObject, serviceObject, type ServicePort } from './objects';
import type { Obj } from '../../util/manifest';
import { configMapHash, secretHash } from '../../util/namehash';
import { addEnvFileSources, addFileSources, literalSource } from './sources';
import { ingress } from './ingress';
import { pdb } from './pdb';
import { priorityclass } from './priorityclass';
import { quota } from './quota';
import { clusterrole, clusterrolebinding, role, rolebinding } from './rbac';
import { secretTls } from './secrettls';
import { token } from './token';

const common = generatorFlags;
const ns = enforcedNamespace;

const deployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  use: 'create deployment NAME --image=image -- [COMMAND] [args...]',
  flags: [
    ...common(),
    { name: 'image', type: 'stringSlice', usage: 'Image names to run.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
  ],
  required: ['image'],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const command = commandAfterDash(cmd);
    const images = cmd.list('image');
    if (images.length > 1 && command.length) throw new Error('cannot specify multiple --image options and command');
    const obj = deploymentObject(name, images, cmd.int('replicas'), cmd.int('port'), command, ns(cmd));
    await createGenerated(cmd, obj, { resource: 'deployments.apps', failPrefix: 'failed to create deployment: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

/** create service's parsePorts: `port[:targetPort]`. */
function parsePorts(spec: string): { port: number; target: number | string } {
  const parts = spec.split(':');
  const port = Number(parts[0]);
  if (!/^\d+$/.test(parts[0]) || port < 1 || port > 65535) throw new Error(`invalid port ${JSON.stringify(parts[0])}`);
  if (parts.length === 1) return { port, target: port };
  if (/^\d+$/.test(parts[1])) {
    const t = Number(parts[1]);
    if (t < 1 || t > 65535) throw new Error('must be between 1 and 65535, inclusive');
    return { port, target: t };
  }
  return { port, target: parts[1] };
}

/** Each service generator's usage, as kubectl words it. */
const SERVICE_USE = { clusterip: '[--tcp=<port>:<targetPort>]', externalname: '--external-name external.name', loadbalancer: '[--tcp=port:targetPort]', nodeport: '[--tcp=port:targetPort]' };

function serviceCommand(kind: 'clusterip' | 'nodeport' | 'loadbalancer' | 'externalname', type: string, short: string): Command {
  const flags = [...common(), { name: 'tcp', type: 'stringSlice' as const, usage: "Port pairs can be specified as '<port>:<targetPort>'." }];
  if (kind === 'clusterip') flags.push({ name: 'clusterip', type: 'string' as const, usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." } as never);
  if (kind === 'nodeport') flags.push({ name: 'node-port', type: 'int' as const, usage: 'Port used to expose the service on each node in a cluster.' } as never);
  if (kind === 'externalname') flags.push({ name: 'external-name', type: 'string' as const, usage: 'External name of service' } as never);
  return {
    name: kind,
    short,
    use: `create service ${kind} NAME ${SERVICE_USE[kind]} [--dry-run=server|client|none]`,
    flags,
    required: kind === 'externalname' ? ['external-name'] : undefined,
    async run(cmd) {
      const name = nameFromArgs(cmd);
      const clusterIP = kind === 'clusterip' ? cmd.str('clusterip') : '';
      const tcp = cmd.list('tcp');
      const externalName = kind === 'externalname' ? cmd.str('external-name') : '';
      if (clusterIP === 'None' && type !== 'ClusterIP') throw new Error('ClusterIP=None can only be used with ClusterIP service type');
      if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new Error('at least one tcp port specifier must be provided');
      if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length) throw new Error(`invalid service external name ${externalName}`);
      const nodePort = kind === 'nodeport' ? cmd.int('node-port') : 0;
      const ports: ServicePort[] = tcp.map((t) => {
        const p = parsePorts(t);
        return { name: t.replace(/:/g, '-'), port: p.port, targetPort: p.target, protocol: 'TCP', ...(nodePort ? { nodePort } : {}) };
      });
      const obj = serviceObject({ name, type, labels: { app: name }, selector: { app: name }, ports, clusterIP, externalName, namespace: ns(cmd) });
      await createGenerated(cmd, obj, { resource: 'services', failPrefix: `failed to create ${type} service: `, fieldManager: 'kubectl-create', validate: true, typed: true, saveConfig: 'never' });
    },
  };
}

const service: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  subcommands: [
    serviceCommand('clusterip', 'ClusterIP', 'Create a ClusterIP service'),
    serviceCommand('externalname', 'ExternalName', 'Create an ExternalName service'),
    serviceCommand('loadbalancer', 'LoadBalancer', 'Create a LoadBalancer service'),
    serviceCommand('nodeport', 'NodePort', 'Create a NodePort service'),
  ],
};

const configmap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  use: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    ...common(),
    { name: 'from-file', type: 'stringSlice', usage: 'Key file can be specified using its file path.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringSlice', usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the configmap to its name.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    if (!name) throw new Error('name must be specified');
    if (cmd.list('from-env-file').length && (cmd.list('from-file').length || cmd.list('from-literal').length)) throw new Error('from-env-file cannot be combined with from-file or from-literal');
    const data: Record<string, string> = {};
    // Files, then literals, then env files (createConfigMap's order decides which duplicate is reported).
    const add = (key: string, value: string) => {
      const errs = isConfigMapKey(key);
      if (errs.length) throw new Error(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
      if (key in data) throw new Error(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
      data[key] = value;
    };
    await addFileSources(cmd, cmd.list('from-file'), add);
    for (const source of cmd.list('from-literal')) add(...literalSource(source));
    await addEnvFileSources(cmd, cmd.list('from-env-file'), 'env config file cannot be a directory', add);
    const finalName = cmd.bool('append-hash') ? `${name}-${configMapHash(name, data)}` : name;
    const obj: Obj = { apiVersion: 'v1', ...(Object.keys(data).length ? { data } : {}), kind: 'ConfigMap', metadata: { creationTimestamp: null, name: finalName, ...(ns(cmd) ? { namespace: ns(cmd) } : {}) } as never };
    await createGenerated(cmd, obj, { resource: 'configmaps', failPrefix: 'failed to create configmap: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

/** addKeyFromLiteralToSecret: valid, unique keys; values stored base64. */
const secretAdder = (data: Record<string, string>) => (key: string, value: string) => {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new Error(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (key in data) throw new Error(`cannot add key ${key}, another key by that name already exists`);
  data[key] = b64(value);
};

const secretGeneric: Command = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  use: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    ...common(),
    { name: 'from-file', type: 'stringSlice', usage: 'Key files can be specified using their file path.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringSlice', usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    { name: 'type', type: 'string', usage: 'The type of secret to create' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    if (!name) throw new Error('name must be specified');
    if (cmd.list('from-env-file').length && (cmd.list('from-file').length || cmd.list('from-literal').length)) throw new Error('from-env-file cannot be combined with from-file or from-literal');
    const data: Record<string, string> = {};
    // Literals, then files, then env files (createSecret's order).
    const add = secretAdder(data);
    for (const source of cmd.list('from-literal')) add(...literalSource(source));
    await addFileSources(cmd, cmd.list('from-file'), add);
    await addEnvFileSources(cmd, cmd.list('from-env-file'), 'env secret file cannot be a directory', add);
    const type = cmd.str('type');
    const finalName = cmd.bool('append-hash') ? `${name}-${secretHash(name, type, data)}` : name;
    const obj: Obj = {
      apiVersion: 'v1',
      ...(Object.keys(data).length ? { data } : {}),
      kind: 'Secret',
      metadata: { creationTimestamp: null, name: finalName, ...(ns(cmd) ? { namespace: ns(cmd) } : {}) } as never,
      ...(type ? { type } : {}),
    };
    await createGenerated(cmd, obj, { resource: 'secrets', failPrefix: 'failed to create secret ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

/** Go's json.Marshal of a struct: fields in order, HTML-significant characters escaped. */
const goMarshal = (v: unknown) => JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const secretDockerRegistry: Command = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  use: 'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  flags: [
    ...common(),
    { name: 'docker-username', type: 'string', usage: 'Username for Docker registry authentication' },
    { name: 'docker-password', type: 'string', usage: 'Password for Docker registry authentication' },
    { name: 'docker-email', type: 'string', usage: 'Email for Docker registry' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', usage: 'Server location for Docker registry' },
    { name: 'from-file', type: 'stringSlice', usage: 'Key files can be specified using their file path.' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const [user, password, email, server] = ['docker-username', 'docker-password', 'docker-email', 'docker-server'].map((f) => cmd.str(f));
    const files = cmd.list('from-file');
    if (!files.length && (!user || !password || !server)) throw new Error('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    const data: Record<string, string> = {};
    await addFileSources(cmd, files, secretAdder(data));
    if (!files.length) {
      // DockerConfigJSON{Auths: {server: {username, password, email, auth}}}, empty fields omitted.
      const entry = { ...(user ? { username: user } : {}), ...(password ? { password } : {}), ...(email ? { email } : {}), auth: b64(`${user}:${password}`) };
      data['.dockerconfigjson'] = b64(goMarshal({ auths: { [server]: entry } }));
    }
    const finalName = cmd.bool('append-hash') ? `${name}-${secretHash(name, 'kubernetes.io/dockerconfigjson', data)}` : name;
    const obj: Obj = { apiVersion: 'v1', data, kind: 'Secret', metadata: { creationTimestamp: null, name: finalName, ...(ns(cmd) ? { namespace: ns(cmd) } : {}) } as never, type: 'kubernetes.io/dockerconfigjson' };
    await createGenerated(cmd, obj, { resource: 'secrets', failPrefix: 'failed to create secret ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

const secret: Command = { name: 'secret', short: 'Create a secret using a specified subcommand', subcommands: [secretDockerRegistry, secretGeneric, secretTls] };

const namespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  use: 'create namespace NAME [--dry-run=server|client|none]',
  flags: common(),
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const obj: Obj = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name } as never, spec: {}, status: {} };
    await createGenerated(cmd, obj, { resource: 'namespaces', failPrefix: '', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

const serviceaccount: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  use: 'create serviceaccount NAME [--dry-run=server|client|none]',
  flags: common(),
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const obj: Obj = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { creationTimestamp: null, name, ...(ns(cmd) ? { namespace: ns(cmd) } : {}) } as never };
    await createGenerated(cmd, obj, { resource: 'serviceaccounts', failPrefix: 'failed to create serviceaccount: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

const job: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  use: 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  flags: [...common(), { name: 'image', type: 'string', usage: 'Image name to run.' }, { name: 'from', type: 'string', usage: 'The name of the resource to create a Job from (only cronjob is supported).' }],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const command = commandAfterDash(cmd);
    const image = cmd.str('image');
    const from = cmd.str('from');
    if ((!image && !from) || (image && from)) throw new Error('either --image or --from must be specified');
    if (command.length && from) throw new Error('cannot specify --from and command');
    let obj: Obj;
    if (image) obj = jobObject(name, image, command, ns(cmd));
    else {
      const { build } = await import('../../resource/builder');
      const r = await build(cmd, { args: [from], flatten: true });
      if (r.errors.length) throw r.errors[0];
      if (r.infos.length !== 1) throw new Error('from must be an existing cronjob');
      const cj = r.infos[0].object as Obj & { spec?: { jobTemplate?: { metadata?: { annotations?: Record<string, string>; labels?: Record<string, string> }; spec?: unknown } } };
      // The builder decodes into typed objects: the Go type kubectl names is the version package's struct.
      if (cj.kind !== 'CronJob') throw new Error(`unknown object type *${String(cj.apiVersion ?? '').split('/').pop()}.${cj.kind}`);
      const tpl = cj.spec?.jobTemplate ?? {};
      obj = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tpl.metadata?.annotations ?? {}) },
          creationTimestamp: null,
          ...(tpl.metadata?.labels ? { labels: tpl.metadata.labels } : {}),
          name,
          ...(ns(cmd) ? { namespace: ns(cmd) } : {}),
          ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: cj.metadata?.name, uid: (cj.metadata as { uid?: string })?.uid }],
        } as never,
        spec: tpl.spec as never,
        status: {},
      };
    }
    await createGenerated(cmd, obj, { resource: 'jobs.batch', failPrefix: 'failed to create job: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

const cronjob: Command = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  use: 'create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags]',
  flags: [
    ...common(),
    { name: 'image', type: 'string', usage: 'Image name to run.' },
    { name: 'schedule', type: 'string', usage: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', usage: "job's restart policy. supported values: OnFailure, Never" },
  ],
  required: ['image', 'schedule'],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    const restart = cmd.str('restart') || 'OnFailure';
    const obj = cronJobObject(name, cmd.str('image'), cmd.str('schedule'), restart, commandAfterDash(cmd), ns(cmd));
    await createGenerated(cmd, obj, { resource: 'cronjobs.batch', failPrefix: 'failed to create cronjob: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};

export const generatorCommands: Command[] = [
  clusterrole,
  clusterrolebinding,
  configmap,
  cronjob,
  deployment,
  ingress,
  job,
  namespace,
  pdb,
  priorityclass,
  quota,
  role,
  rolebinding,
  secret,
  service,
  serviceaccount,
  token,
];
