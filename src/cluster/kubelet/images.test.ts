import { describe, expect, it } from 'vitest';
import { digestFor, lookupImage, parseImage, resolveImage } from './images';

const resolve = (image: string) => {
  const ref = parseImage(image);
  if ('error' in ref) throw new Error(ref.error);
  return resolveImage(ref);
};

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['library/redis:7.4', 'docker.io/library/redis:7.4'],
    ['docker.io/nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['polinux/stress', 'docker.io/polinux/stress:latest'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1'],
  ])('normalises %s to %s', (image, full) => {
    expect(parseImage(image)).toMatchObject({ full });
  });

  it('rejects upper-case repositories like the runtime does', () => {
    expect(parseImage('Nginx:1.27')).toEqual({ error: 'couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase' });
  });

  it('rejects a malformed tag', () => {
    expect(parseImage('nginx:-bad')).toHaveProperty('error');
  });
});

describe('the simulated registry', () => {
  it('knows nginx:1.27 and its size', () => {
    const r = resolve('nginx:1.27');
    expect(r).toMatchObject({ size: 72_996_017, family: 'nginx' });
    expect('imageID' in r && r.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('gives tags that alias the same image the same digest', () => {
    expect(digestFor('nginx:latest')).toBe(digestFor('nginx:1.27.3'));
    expect(digestFor('nginx:1.26')).not.toBe(digestFor('nginx:1.27'));
  });

  it('serves an image by digest', () => {
    const d = digestFor('redis:7.4')!;
    expect(lookupImage(`redis@${d}`)?.canonicalTag).toBe('7.4.1');
  });

  it.each(['nginx', 'httpd', 'redis', 'busybox', 'alpine', 'postgres', 'mysql', 'mongo', 'node', 'python', 'golang', 'perl', 'ubuntu', 'debian'])('has %s:latest', (repo) => {
    expect(lookupImage(repo)).toBeDefined();
  });

  it.each([
    'registry.k8s.io/pause:3.10',
    'registry.k8s.io/coredns/coredns:v1.11.3',
    'registry.k8s.io/kube-proxy:v1.32.4',
    'registry.k8s.io/etcd:3.5.16-0',
    'k8s.gcr.io/hpa-example',
    'registry.k8s.io/hpa-example',
    'perl:5.34.0',
    'busybox:1.28',
    'nginx:1.14.2',
    'registry.k8s.io/e2e-test-images/agnhost:2.40',
  ])('has %s', (image) => {
    expect(lookupImage(image)).toBeDefined();
  });

  it('answers an unknown tag with containerd\'s NotFound error', () => {
    expect(resolve('nginx:nope')).toEqual({
      error:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
    });
  });

  it('answers an unknown Docker Hub repository with pull access denied', () => {
    expect(resolve('nginxx')).toEqual({
      error:
        'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    });
  });

  it('cannot reach an unknown registry host', () => {
    expect(resolve('myregistry.example.com/app:v1')).toHaveProperty('error', expect.stringContaining('dial tcp: lookup myregistry.example.com: no such host'));
  });
});
