import { describe, expect, it } from 'vitest';
import { podManifest, podServer, defs } from '../resources/pod/testkit';
import { TOKEN_MOUNT_PATH, tokenVolumeSource } from './serviceAccount';

describe('ServiceAccount admission', () => {
  it('defaults serviceAccountName and mounts the kube-api-access token volume in every container', () => {
    const { create } = podServer();
    const p = create(podManifest('web', { initContainers: [{ name: 'init', image: 'busybox' }] }));
    expect(p.spec.serviceAccountName).toBe('default');
    const vol = p.spec.volumes[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(vol.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    });
    for (const c of [...p.spec.containers, ...p.spec.initContainers])
      expect(c.volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: TOKEN_MOUNT_PATH }]);
  });

  it.each([
    ['the pod opts out', { automountServiceAccountToken: false }, {}],
    ['the service account opts out', { serviceAccountName: 'quiet' }, { automountServiceAccountToken: false }],
  ])('does not mount a token when %s', (_n, spec, sa) => {
    const { api, create } = podServer();
    api.create(defs.serviceaccounts, 'default', { metadata: { name: 'quiet' }, ...sa });
    const p = create(podManifest('web', spec));
    expect(p.spec.volumes).toBeUndefined();
    expect(p.spec.containers[0].volumeMounts).toBeUndefined();
  });

  it('lets the pod preference win over the service account', () => {
    const { api, create } = podServer();
    api.create(defs.serviceaccounts, 'default', { metadata: { name: 'quiet' }, automountServiceAccountToken: false });
    const p = create(podManifest('web', { serviceAccountName: 'quiet', automountServiceAccountToken: true }));
    expect(p.spec.volumes).toHaveLength(1);
  });

  it('keeps a container that already mounts the token path', () => {
    const { create } = podServer();
    const p = create(
      podManifest('web', {
        volumes: [{ name: 'mine', emptyDir: {} }],
        containers: [{ name: 'c', image: 'x', volumeMounts: [{ name: 'mine', mountPath: TOKEN_MOUNT_PATH }] }],
      }),
    );
    expect(p.spec.volumes.map((v: { name: string }) => v.name)).toEqual(['mine']);
  });

  it('rejects a missing service account as upstream does', () => {
    const { create, errorOf } = podServer();
    expect(errorOf(() => create(podManifest('web', { serviceAccountName: 'ghost' })))).toBe(
      'pods "web" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
    );
  });

  it('reports pods made from generateName by their prefix', () => {
    const { create, errorOf } = podServer();
    const m = podManifest('', { serviceAccountName: 'ghost' }, { generateName: 'web-7d4b9c7c4-' });
    delete m.metadata.name;
    expect(errorOf(() => create(m))).toBe(
      'pods "web-7d4b9c7c4-" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
    );
  });

  it('copies the service account imagePullSecrets', () => {
    const { api, create } = podServer();
    api.create(defs.serviceaccounts, 'default', { metadata: { name: 'puller' }, imagePullSecrets: [{ name: 'regcred' }] });
    expect(create(podManifest('web', { serviceAccountName: 'puller' })).spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  it('builds a fresh token volume source each time', () => {
    expect(tokenVolumeSource()).not.toBe(tokenVolumeSource());
  });
});
