import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../api/errors';
import { defaultPodSpec } from './specDefaults';
import { validatePodSpec, validatePodTemplateSpec } from './specValidation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ctr = (over: Json = {}) => ({ name: 'nginx', image: 'nginx', ...over });
/** Defaults then validates a pod spec, returning the error strings as the API would print them. */
const errorsOf = (over: Json, isTemplate = false): string[] => {
  const spec = { containers: [ctr()], ...over };
  defaultPodSpec(spec, { isTemplate });
  return validatePodSpec(spec, 'spec', { isTemplate }).map(fieldErrorString);
};

describe('validatePodSpec', () => {
  it('accepts a minimal defaulted pod', () => expect(errorsOf({})).toEqual([]));

  it.each<[string, Json, string[]]>([
    ['containers are required', { containers: [] }, ['spec.containers: Required value']],
    ['a container needs a name', { containers: [ctr({ name: '' })] }, ['spec.containers[0].name: Required value']],
    [
      'container names are DNS labels',
      { containers: [ctr({ name: 'Web_1' })] },
      [
        `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    ['container names are unique', { containers: [ctr(), ctr()] }, ['spec.containers[1].name: Duplicate value: "nginx"']],
    ['an image is required', { containers: [ctr({ image: '' })] }, ['spec.containers[0].image: Required value']],
    [
      'containerPort must be a port number',
      { containers: [ctr({ ports: [{ containerPort: 70000 }] })] },
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    ['containerPort is required', { containers: [ctr({ ports: [{ name: 'http' }] })] }, ['spec.containers[0].ports[0].containerPort: Required value']],
    [
      'protocols are TCP, UDP or SCTP',
      { containers: [ctr({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] },
      ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'port names follow IANA_SVC_NAME',
      { containers: [ctr({ ports: [{ containerPort: 80, name: 'HTTP' }] })] },
      [
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ],
    ],
    [
      'port names are unique',
      { containers: [ctr({ ports: [{ containerPort: 80, name: 'web' }, { containerPort: 81, name: 'web' }] })] },
      ['spec.containers[0].ports[1].name: Duplicate value: "web"'],
    ],
    [
      'host ports may not collide',
      { containers: [ctr({ ports: [{ containerPort: 80, hostPort: 8080 }] }), ctr({ name: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] })] },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    ['env names are required', { containers: [ctr({ env: [{ value: 'x' }] })] }, ['spec.containers[0].env[0].name: Required value']],
    [
      'env valueFrom needs a source',
      { containers: [ctr({ env: [{ name: 'A', valueFrom: {} }] })] },
      ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'],
    ],
    [
      'env fieldRef paths are checked',
      { containers: [ctr({ env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.restartPolicy' } } }] })] },
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.restartPolicy": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      'requests may not exceed limits',
      { containers: [ctr({ resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } })] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    [
      'memory requests may not exceed limits',
      { containers: [ctr({ resources: { limits: { memory: '64Mi' }, requests: { memory: '128Mi' } } })] },
      ['spec.containers[0].resources.requests: Invalid value: "128Mi": must be less than or equal to memory limit of 64Mi'],
    ],
    [
      'resource quantities may not be negative',
      { containers: [ctr({ resources: { limits: { cpu: '-1' } } })] },
      // SetDefaults_Pod copied the limit into requests, so both report
      [
        'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    ],
    [
      'resource names must be standard for containers',
      { containers: [ctr({ resources: { requests: { gpu: '1' } } })] },
      [
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    ],
    [
      'extended resources are integers and not overcommitted',
      { containers: [ctr({ resources: { limits: { 'example.com/gpu': '500m' }, requests: { 'example.com/gpu': '250m' } } })] },
      [
        'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: 500m: must be an integer',
        'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: 250m: must be an integer',
        'spec.containers[0].resources.requests: Invalid value: "250m": must be equal to example.com/gpu limit of 500m',
      ],
    ],
    [
      'volumeMounts must name a volume',
      { containers: [ctr({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'mount paths are unique',
      { volumes: [{ name: 'a' }], containers: [ctr({ volumeMounts: [{ name: 'a', mountPath: '/d' }, { name: 'a', mountPath: '/d' }] })] },
      ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique'],
    ],
    [
      'volume names are unique',
      { volumes: [{ name: 'a' }, { name: 'a' }] },
      ['spec.volumes[1].name: Duplicate value: "a"'],
    ],
    [
      'a volume has exactly one source',
      { volumes: [{ name: 'a', emptyDir: {}, hostPath: { path: '/x' } }] },
      ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    ],
    [
      'configMap volumes need a name',
      { volumes: [{ name: 'a', configMap: {} }] },
      ['spec.volumes[0].configMap.name: Required value'],
    ],
    [
      'persistentVolumeClaim volumes need a claimName',
      { volumes: [{ name: 'a', persistentVolumeClaim: {} }] },
      ['spec.volumes[0].persistentVolumeClaim.claimName: Required value'],
    ],
    [
      'probes need a handler',
      { containers: [ctr({ livenessProbe: { periodSeconds: 5 } })] },
      ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    ],
    [
      'probe numbers are not negative',
      { containers: [ctr({ readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -1 } })] },
      ['spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'liveness successThreshold must be 1',
      { containers: [ctr({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } })] },
      ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    ],
    [
      'httpGet ports are checked',
      { containers: [ctr({ readinessProbe: { httpGet: { port: 0 } } })] },
      ['spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive'],
    ],
    [
      'restartPolicy has three values',
      { restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'dnsPolicy has four values',
      { dnsPolicy: 'Cluster' },
      ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    [
      'imagePullPolicy has three values',
      { containers: [ctr({ imagePullPolicy: 'Sometimes' })] },
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    [
      'toleration operators are Equal or Exists',
      { tolerations: [{ key: 'k', operator: 'In', value: 'v' }] },
      ['spec.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"'],
    ],
    [
      'toleration effects are the taint effects',
      { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoRun' }] },
      ['spec.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"'],
    ],
    [
      'an empty toleration key needs Exists',
      { tolerations: [{ operator: 'Equal' }] },
      ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'],
    ],
    [
      'tolerationSeconds needs NoExecute',
      { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] },
      ["spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"],
    ],
    [
      'nodeSelector values are label values',
      { nodeSelector: { disk: 'fast ssd' } },
      [
        `spec.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      'init containers share the name space with containers',
      { initContainers: [ctr()] },
      ['spec.initContainers[0].name: Duplicate value: "nginx"'],
    ],
    [
      'classic init containers may not have probes',
      { initContainers: [ctr({ name: 'init', readinessProbe: { exec: { command: ['x'] } } })] },
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    ],
    [
      'init container restartPolicy can only be Always',
      { initContainers: [ctr({ name: 'init', restartPolicy: 'Never' })] },
      ['spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'regular containers may not set restartPolicy',
      { containers: [ctr({ restartPolicy: 'Always' })] },
      ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers'],
    ],
    [
      'activeDeadlineSeconds is positive',
      { activeDeadlineSeconds: 0 },
      ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    ],
    [
      'hostNetwork pods need hostPort = containerPort',
      { hostNetwork: true, containers: [ctr({ ports: [{ containerPort: 80, hostPort: 81 }] })] },
      ['spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true'],
    ],
    [
      'dnsPolicy None needs a dnsConfig',
      { dnsPolicy: 'None' },
      ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'],
    ],
    [
      'topology spread maxSkew is positive',
      { topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] },
      ['spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero'],
    ],
    [
      'node affinity needs terms',
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } },
      ['spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term'],
    ],
    [
      'preferred affinity weights are 1-100',
      { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } } },
      ['spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100'],
    ],
    [
      'terminationMessagePolicy has two values',
      { containers: [ctr({ terminationMessagePolicy: 'Never' })] },
      ['spec.containers[0].terminationMessagePolicy: Unsupported value: "Never": supported values: "File", "FallbackToLogsOnError"'],
    ],
    [
      'runAsUser is a uid',
      { securityContext: { runAsUser: -1 } },
      ['spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive'],
    ],
  ])('%s', (_name, over, want) => {
    expect(errorsOf(over)).toEqual(want);
  });

  it('requires terminationGracePeriodSeconds when not defaulted', () => {
    const errs = validatePodSpec({ containers: [ctr({ terminationMessagePolicy: 'File', imagePullPolicy: 'Always' })], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' }, 'spec', {
      isTemplate: false,
    }).map(fieldErrorString);
    expect(errs).toEqual(['spec.terminationGracePeriodSeconds: Required value']);
  });

  it('lets templates leave hostPort unset under hostNetwork', () => {
    const over = { hostNetwork: true, containers: [ctr({ ports: [{ containerPort: 80 }] })] };
    expect(errorsOf(over, true)).toEqual([]);
  });
});

describe('validatePodTemplateSpec', () => {
  const tmpl = (over: Json = {}): Json => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [ctr()] }, ...over };
    defaultPodSpec(t.spec, { isTemplate: true });
    return t;
  };

  it('accepts a valid template', () => expect(validatePodTemplateSpec(tmpl(), 'spec.template')).toEqual([]));

  it('validates labels at spec.template.labels and the spec under spec.template.spec', () => {
    const t = tmpl({ metadata: { labels: { app: '-x' } }, spec: { containers: [] } });
    defaultPodSpec(t.spec, { isTemplate: true });
    expect(validatePodTemplateSpec(t, 'spec.template').map(fieldErrorString)).toEqual([
      `spec.template.labels: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      'spec.template.spec.containers: Required value',
    ]);
  });

  it('forbids ephemeral containers in templates', () => {
    const t = tmpl();
    t.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }];
    expect(validatePodTemplateSpec(t, 'spec.template').map(fieldErrorString)).toEqual([
      'spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
    ]);
  });
});
