import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../api/errors';
import { defaultPodSpec } from './specDefaults';
import { validatePodSpec } from './specValidation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const errorsOf = (volumes: Json[], mounts: Json[] = []): string[] => {
  const spec = { volumes, containers: [{ name: 'c', image: 'x', volumeMounts: mounts }] };
  defaultPodSpec(spec, { isTemplate: false });
  return validatePodSpec(spec, 'spec', { isTemplate: false, podName: 'p' }).map(fieldErrorString);
};

describe('pod volume validation', () => {
  it.each<[string, Json[], Json[], string[]]>([
    ['an emptyDir mounted by name', [{ name: 'data', emptyDir: {} }], [{ name: 'data', mountPath: '/data' }], []],
    [
      'volume names are DNS labels',
      [{ name: 'Data' }],
      [],
      [
        `spec.volumes[0].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      'an invalid volume cannot be mounted',
      [{ name: 'cfg', configMap: {} }],
      [{ name: 'cfg', mountPath: '/cfg' }],
      ['spec.volumes[0].configMap.name: Required value', 'spec.containers[0].volumeMounts[0].name: Not found: "cfg"'],
    ],
    [
      'configMap items need relative paths',
      [{ name: 'cfg', configMap: { name: 'c', items: [{ key: 'k', path: '/etc/x' }] } }],
      [],
      ['spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/x": must be a relative path'],
    ],
    [
      'file modes are octal 0-0777',
      [{ name: 's', secret: { secretName: 's', defaultMode: 1000 } }],
      [],
      ['spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive'],
    ],
    [
      'hostPath types are an enum',
      [{ name: 'h', hostPath: { path: '/var', type: 'Folder' } }],
      [],
      [
        'spec.volumes[0].hostPath.type: Unsupported value: "Folder": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    ],
    [
      'nfs paths are absolute',
      [{ name: 'n', nfs: { server: 'srv', path: 'share' } }],
      [],
      ['spec.volumes[0].nfs.path: Invalid value: "share": must be an absolute path'],
    ],
    [
      'subPath may not escape the volume',
      [{ name: 'd', emptyDir: {} }],
      [{ name: 'd', mountPath: '/d', subPath: '../etc' }],
      [`spec.containers[0].volumeMounts.subPath: Invalid value: "../etc": must not contain '..'`],
    ],
    [
      'projected token sources need ten minutes',
      [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 60 } }] } }],
      [],
      ['spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes'],
    ],
    [
      'downward API volume fields are limited',
      [{ name: 'd', downwardAPI: { items: [{ path: 'ip', fieldRef: { fieldPath: 'status.podIP' } }] } }],
      [],
      [
        'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: "status.podIP": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
      ],
    ],
    [
      'ephemeral volumes need a claim template',
      [{ name: 'e', ephemeral: {} }],
      [],
      ['spec.volumes[0].ephemeral.volumeClaimTemplate: Required value'],
    ],
  ])('%s', (_n, volumes, mounts, want) => {
    expect(errorsOf(volumes, mounts)).toEqual(want);
  });
});
