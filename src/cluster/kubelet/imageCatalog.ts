/**
 * The simulated registries' contents: repositories, their tags and compressed sizes (what the
 * kubelet's `Pulled` event reports as "Image size"), the image's ENTRYPOINT/CMD and the behaviour
 * family the process simulation uses. Sizes are close to the real amd64 images of early 2025.
 */

/** How a process from this image behaves (see behaviour.ts). */
export type Family =
  | 'nginx' | 'httpd' | 'redis' | 'postgres' | 'mysql' | 'mongo' | 'memcached' | 'rabbitmq' | 'wordpress'
  | 'shell' | 'runtime' | 'pause' | 'agnhost' | 'liveness' | 'echo' | 'stress' | 'php-apache'
  | 'coredns' | 'kube-proxy' | 'control-plane' | 'etcd';

export interface RepoEntry {
  /** Base compressed size in bytes; tags vary around it unless listed in `sizes`. */
  size: number;
  /** Every tag the registry serves; `alias` tags point at another tag (same digest and size). */
  tags: string[];
  alias?: Record<string, string>;
  /** Exact sizes for some tags (and tag suffix families such as `-alpine`, matched by `endsWith`). */
  sizes?: Record<string, number>;
  family: Family;
  entrypoint?: string[];
  cmd?: string[];
}

const k8sVersions = ['v1.32.0', 'v1.32.1', 'v1.32.2', 'v1.32.3', 'v1.32.4', 'v1.31.4', 'v1.31.8', 'v1.30.8', 'v1.30.12'];
const alpineSizes = { alpine: 0.25, '-alpine': 0.25, slim: 0.4, '-slim': 0.4 };
const scaled = (base: number, f: Record<string, number>) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Math.round(base * v)]));

/** Repositories by fully qualified name (registry/path). */
export const CATALOG: Record<string, RepoEntry> = {
  'docker.io/library/nginx': {
    size: 72_996_017,
    family: 'nginx',
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    // 1.28 (April 2025) and 1.29 (2025) are real tags a learner will type.
    tags: ['latest', 'mainline', 'stable', '1', '1.29', '1.29.0', '1.29.1', '1.28', '1.28.0', '1.28.1', '1.28-alpine', '1.29-alpine', '1.27', '1.27.0', '1.27.1', '1.27.2', '1.27.3', '1.27.4', '1.27.5', '1.26', '1.26.2', '1.26.3',
      '1.25', '1.25.4', '1.25.5', '1.24', '1.24.0', '1.23', '1.23.4', '1.22', '1.21', '1.21.6', '1.20', '1.19', '1.18', '1.17', '1.16', '1.15', '1.14', '1.14.2',
      '1.7.9', 'alpine', 'alpine-slim', 'mainline-alpine', 'stable-alpine', '1.27-alpine', '1.26-alpine', '1.25-alpine', 'perl', 'bookworm'],
    alias: { latest: '1.27.3', mainline: '1.27.3', '1': '1.27.3', '1.27': '1.27.3', stable: '1.26.3', '1.26': '1.26.3', bookworm: '1.27.3' },
    sizes: { '1.27.3': 72_996_017, '1.14.2': 44_710_204, '1.7.9': 39_947_836, 'alpine-slim': 5_346_112, ...scaled(72_996_017, { alpine: 0.27, '-alpine': 0.27 }) },
  },
  'docker.io/library/httpd': {
    size: 58_093_215, family: 'httpd', cmd: ['httpd-foreground'],
    tags: ['latest', '2', '2.4', '2.4.62', '2.4.63', 'alpine', '2.4-alpine', '2.4.62-alpine', 'bookworm'],
    alias: { latest: '2.4.62', '2': '2.4.62', '2.4': '2.4.62', bookworm: '2.4.62' },
    sizes: scaled(58_093_215, { alpine: 0.38, '-alpine': 0.38 }),
  },
  'docker.io/library/redis': {
    size: 45_031_482, family: 'redis', entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'],
    tags: ['latest', '7', '7.4', '7.4.0', '7.4.1', '7.4.2', '7.2', '7.2.7', '7.0', '7.0.15', '6', '6.2', '6.2.16', '6.0', '5', '5.0', '5.0.4', 'alpine', '7-alpine', '7.4-alpine', '7.2-alpine', '6-alpine', '6.2-alpine', 'bookworm'],
    alias: { latest: '7.4.1', '7': '7.4.1', '7.4': '7.4.1', bookworm: '7.4.1', '6': '6.2.16', '6.2': '6.2.16', '7.2': '7.2.7' },
    sizes: scaled(45_031_482, { alpine: 0.38, '-alpine': 0.38 }),
  },
  'docker.io/library/busybox': {
    size: 2_167_176, family: 'shell', cmd: ['sh'],
    tags: ['latest', 'stable', '1', '1.37', '1.37.0', '1.36', '1.36.1', '1.36.0', '1.35', '1.35.0', '1.34', '1.34.1', '1.33', '1.32', '1.31', '1.30', '1.29', '1.28', '1.28.4', '1.27', 'musl', 'glibc', 'uclibc', '1.36-musl', '1.36-glibc'],
    alias: { latest: '1.37.0', '1': '1.37.0', '1.37': '1.37.0', stable: '1.36.1', '1.36': '1.36.1' },
    sizes: { '1.28': 727_869, '1.28.4': 727_869, glibc: 2_240_000, '-glibc': 2_240_000 },
  },
  'docker.io/library/alpine': {
    size: 3_623_844, family: 'shell', cmd: ['/bin/sh'],
    tags: ['latest', '3', 'edge', '3.21', '3.21.0', '3.21.2', '3.21.3', '3.20', '3.20.3', '3.20.5', '3.19', '3.19.4', '3.18', '3.18.9', '3.17', '3.16', '3.15', '3.14'],
    alias: { latest: '3.21.2', '3': '3.21.2', '3.21': '3.21.2', '3.20': '3.20.5', '3.19': '3.19.4', '3.18': '3.18.9' },
  },
  'docker.io/library/ubuntu': {
    size: 29_754_290, family: 'shell', cmd: ['/bin/bash'],
    tags: ['latest', 'rolling', 'noble', 'jammy', 'focal', 'bionic', '24.04', '24.10', '22.04', '20.04', '18.04', '25.04', 'oracular', 'plucky'],
    alias: { latest: '24.04', noble: '24.04', jammy: '22.04', focal: '20.04', bionic: '18.04', oracular: '24.10', rolling: '24.10', plucky: '25.04' },
  },
  'docker.io/library/debian': {
    size: 48_480_001, family: 'shell', cmd: ['bash'],
    tags: ['latest', 'stable', 'bookworm', 'bookworm-slim', 'stable-slim', '12', '12-slim', '12.8', '12.9', 'bullseye', 'bullseye-slim', '11', '11-slim', 'trixie', 'trixie-slim', 'testing', 'sid', 'buster', '10'],
    alias: { latest: '12.8', stable: '12.8', bookworm: '12.8', '12': '12.8', bullseye: '11', buster: '10', trixie: 'testing' },
    sizes: scaled(48_480_001, { slim: 0.58, '-slim': 0.58 }),
  },
  'docker.io/library/postgres': {
    size: 158_283_440, family: 'postgres', entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'],
    tags: ['latest', '17', '17.2', '17.3', '17.4', '16', '16.6', '16.8', '15', '15.10', '14', '14.15', '13', '13.18', '12', 'alpine', '17-alpine', '16-alpine', '15-alpine', '14-alpine', 'bookworm', '17-bookworm'],
    alias: { latest: '17.2', '17': '17.2', bookworm: '17.2', '17-bookworm': '17.2', '16': '16.6', '15': '15.10', '14': '14.15', '13': '13.18' },
    sizes: scaled(158_283_440, { alpine: 0.65, '-alpine': 0.65 }),
  },
  'docker.io/library/mysql': {
    size: 171_640_000, family: 'mysql', entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'],
    tags: ['latest', '9', '9.1', '9.1.0', '9.2', '9.2.0', 'innovation', 'lts', '8', '8.4', '8.4.3', '8.0', '8.0.40', '8.0.41', '5.7', '5.7.44', '5.6', 'oracle', 'debian', '8.0-debian'],
    alias: { latest: '9.1.0', '9': '9.1.0', '9.1': '9.1.0', innovation: '9.1.0', oracle: '9.1.0', lts: '8.4.3', '8': '8.4.3', '8.4': '8.4.3', '8.0': '8.0.40', '5.7': '5.7.44' },
    sizes: { '5.7': 137_000_000, '5.7.44': 137_000_000 },
  },
  'docker.io/library/mongo': {
    size: 292_114_602, family: 'mongo', entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'],
    tags: ['latest', '8', '8.0', '8.0.4', '7', '7.0', '7.0.16', '6', '6.0', '6.0.20', '5.0', '5', '4.4', 'noble', 'jammy'],
    alias: { latest: '8.0.4', '8': '8.0.4', '8.0': '8.0.4', noble: '8.0.4', '7': '7.0.16', '7.0': '7.0.16', jammy: '7.0.16', '6': '6.0.20', '6.0': '6.0.20' },
  },
  'docker.io/library/memcached': { size: 31_210_332, family: 'memcached', entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], tags: ['latest', '1', '1.6', '1.6.34', 'alpine', '1.6-alpine'], alias: { latest: '1.6.34', '1': '1.6.34', '1.6': '1.6.34' }, sizes: scaled(31_210_332, { alpine: 0.3, '-alpine': 0.3 }) },
  'docker.io/library/rabbitmq': { size: 103_114_022, family: 'rabbitmq', entrypoint: ['docker-entrypoint.sh'], cmd: ['rabbitmq-server'], tags: ['latest', '4', '4.0', '3', '3.13', '3-management', '4-management', 'management', 'alpine', '3-management-alpine'], alias: { latest: '4.0', '4': '4.0' } },
  'docker.io/library/wordpress': { size: 250_390_104, family: 'wordpress', entrypoint: ['docker-entrypoint.sh'], cmd: ['apache2-foreground'], tags: ['latest', '6', '6.7', '6.7.1', '6.7-apache', 'apache', '6.2.1-apache', '6.2', 'php8.3', 'php8.2-apache'], alias: { latest: '6.7.1', '6': '6.7.1', '6.7': '6.7.1', apache: '6.7.1', '6.7-apache': '6.7.1' } },
  'docker.io/library/node': {
    size: 393_011_209, family: 'runtime', entrypoint: ['docker-entrypoint.sh'], cmd: ['node'],
    tags: ['latest', 'current', 'lts', '23', '22', '20', '18', 'alpine', 'lts-alpine', '23-alpine', '22-alpine', '20-alpine', '18-alpine', 'slim', 'lts-slim', '22-slim', '20-slim', '18-slim', 'bookworm', '22-bookworm', '22.12', '20.18', '18.20'],
    alias: { latest: '23', current: '23', lts: '22', '22.12': '22', '20.18': '20', '18.20': '18', bookworm: '23', '22-bookworm': '22' },
    sizes: scaled(393_011_209, alpineSizes),
  },
  'docker.io/library/python': {
    size: 389_700_000, family: 'runtime', cmd: ['python3'],
    tags: ['latest', '3', '3.13', '3.12', '3.11', '3.10', '3.9', 'slim', '3-slim', '3.13-slim', '3.12-slim', '3.11-slim', '3.10-slim', 'alpine', '3-alpine', '3.13-alpine', '3.12-alpine', '3.11-alpine', 'bookworm', '3.13-bookworm', '3.12-bookworm', '3.13.1', '3.12.8', '2.7', '2'],
    alias: { latest: '3.13', '3': '3.13', '3.13.1': '3.13', '3.12.8': '3.12', bookworm: '3.13', '3.13-bookworm': '3.13', '3.12-bookworm': '3.12', '2': '2.7' },
    sizes: scaled(389_700_000, { alpine: 0.05, '-alpine': 0.05, slim: 0.11, '-slim': 0.11 }),
  },
  'docker.io/library/golang': {
    size: 291_640_217, family: 'runtime', cmd: ['bash'],
    tags: ['latest', '1', '1.24', '1.23', '1.22', '1.21', '1.23.4', '1.23.5', 'alpine', '1-alpine', '1.23-alpine', '1.22-alpine', 'bookworm', '1.23-bookworm'],
    alias: { latest: '1.23.4', '1': '1.23.4', '1.23': '1.23.4', bookworm: '1.23.4', '1.23-bookworm': '1.23.4' },
    sizes: scaled(291_640_217, { alpine: 0.27, '-alpine': 0.27 }),
  },
  'docker.io/library/perl': {
    size: 331_480_188, family: 'runtime', cmd: ['perl5.40.0', '-de0'],
    tags: ['latest', '5', '5.40', '5.40.0', '5.38', '5.38.2', '5.36', '5.36.3', '5.34', '5.34.0', '5.32', 'slim', '5-slim', '5.40-slim', '5.34-slim', 'threaded', 'bookworm'],
    alias: { latest: '5.40.0', '5': '5.40.0', '5.40': '5.40.0', bookworm: '5.40.0', '5.38': '5.38.2', '5.36': '5.36.3', '5.34': '5.34.0' },
    sizes: { '5.34.0': 321_110_532, ...scaled(331_480_188, { slim: 0.12, '-slim': 0.12 }) },
  },
  'docker.io/library/mariadb': { size: 121_448_000, family: 'mysql', entrypoint: ['docker-entrypoint.sh'], cmd: ['mariadbd'], tags: ['latest', '11', '11.4', '11.6', '10', '10.11', '10.6', 'lts'], alias: { latest: '11.6', '11': '11.6', lts: '11.4', '10': '10.11' } },
  'docker.io/library/registry': { size: 9_800_000, family: 'echo', entrypoint: ['/bin/registry'], cmd: ['serve', '/etc/docker/registry/config.yml'], tags: ['latest', '2', '2.8', '2.8.3', '3'], alias: { latest: '2.8.3', '2': '2.8.3', '2.8': '2.8.3' } },
  'docker.io/curlimages/curl': { size: 10_512_311, family: 'shell', entrypoint: ['/entrypoint.sh'], cmd: ['curl'], tags: ['latest', '8.11.1', '8.12.1', '8.10.1', '8.5.0', '7.85.0'], alias: { latest: '8.11.1' } },
  'docker.io/nicolaka/netshoot': { size: 190_119_712, family: 'shell', cmd: ['zsh'], tags: ['latest', 'v0.13', 'v0.12', 'v0.11'], alias: { latest: 'v0.13' } },
  'docker.io/polinux/stress': { size: 4_041_495, family: 'stress', cmd: ['stress'], tags: ['latest', '1.0.4'], alias: { latest: '1.0.4' } },
  'docker.io/vish/stress': { size: 1_418_752, family: 'stress', entrypoint: ['/stress'], cmd: ['-logtostderr'], tags: ['latest'] },
  'docker.io/hashicorp/http-echo': { size: 3_562_081, family: 'echo', entrypoint: ['/http-echo'], tags: ['latest', '1.0', '1.0.0', '0.2.3'], alias: { latest: '1.0.0', '1.0': '1.0.0' } },
  'docker.io/kicbase/echo-server': { size: 2_115_584, family: 'echo', entrypoint: ['/echo-server'], tags: ['latest', '1.0'], alias: { latest: '1.0' } },
  'docker.io/traefik/whoami': { size: 3_140_421, family: 'echo', entrypoint: ['/whoami'], tags: ['latest', 'v1.10', 'v1.10.3', 'v1.11'], alias: { latest: 'v1.10.3', 'v1.10': 'v1.10.3' } },
  'gcr.io/google-samples/hello-app': { size: 4_079_712, family: 'echo', entrypoint: ['/hello-app'], tags: ['1.0', '2.0'] },
  'us-docker.pkg.dev/google-samples/containers/gke/hello-app': { size: 4_079_712, family: 'echo', entrypoint: ['/hello-app'], tags: ['1.0', '2.0'] },
  'gcr.io/google-samples/kubernetes-bootcamp': { size: 80_312_412, family: 'echo', cmd: ['/bin/sh', '-c', 'node server.js'], tags: ['v1', 'v2'] },
  'registry.k8s.io/pause': { size: 320_368, family: 'pause', entrypoint: ['/pause'], tags: ['3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.4.1', '3.2', '3.1', 'latest'], alias: { latest: '3.10' }, sizes: { '3.9': 321_520, '3.8': 311_286 } },
  'registry.k8s.io/coredns/coredns': { size: 18_562_039, family: 'coredns', entrypoint: ['/coredns'], tags: ['v1.11.3', 'v1.11.4', 'v1.11.1', 'v1.10.1', 'v1.9.3', 'v1.8.6'] },
  'registry.k8s.io/kube-proxy': { size: 30_907_872, family: 'kube-proxy', entrypoint: ['/usr/local/bin/kube-proxy'], tags: k8sVersions },
  'registry.k8s.io/kube-apiserver': { entrypoint: ['/usr/local/bin/kube-apiserver'], size: 28_672_118, family: 'control-plane', tags: k8sVersions },
  'registry.k8s.io/kube-controller-manager': { entrypoint: ['/usr/local/bin/kube-controller-manager'], size: 26_259_392, family: 'control-plane', tags: k8sVersions },
  'registry.k8s.io/kube-scheduler': { entrypoint: ['/usr/local/bin/kube-scheduler'], size: 20_657_902, family: 'control-plane', tags: k8sVersions },
  'registry.k8s.io/etcd': { size: 57_680_541, family: 'etcd', cmd: ['/usr/local/bin/etcd'], tags: ['3.5.16-0', '3.5.15-0', '3.5.12-0', '3.5.10-0', '3.5.9-0'] },
  'registry.k8s.io/e2e-test-images/agnhost': { size: 51_213_112, family: 'agnhost', entrypoint: ['/agnhost'], tags: ['2.39', '2.40', '2.43', '2.45', '2.47', '2.48', '2.50', '2.52', '2.53'] },
  'registry.k8s.io/liveness': { size: 2_593_148, family: 'liveness', tags: ['latest'] },
  'registry.k8s.io/busybox': { size: 1_144_547, family: 'shell', cmd: ['sh'], tags: ['latest', '1.27', '1.27.2', '1.24'], alias: { latest: '1.27.2' } },
  'registry.k8s.io/nginx-slim': { size: 38_524_917, family: 'nginx', cmd: ['nginx', '-g', 'daemon off;'], tags: ['0.8', '0.20', '0.21', '0.24', '0.26', '0.27'] },
  'registry.k8s.io/echoserver': { size: 46_237_695, family: 'echo', cmd: ['/usr/local/bin/run.sh'], tags: ['1.4', '1.10'], sizes: { '1.4': 140_395_201 } },
  'registry.k8s.io/hpa-example': { size: 180_931_122, family: 'php-apache', entrypoint: ['docker-php-entrypoint'], cmd: ['apache2-foreground'], tags: ['latest'] },
  'k8s.gcr.io/hpa-example': { size: 180_931_122, family: 'php-apache', entrypoint: ['docker-php-entrypoint'], cmd: ['apache2-foreground'], tags: ['latest'] },
  'k8s.gcr.io/busybox': { size: 1_144_547, family: 'shell', cmd: ['sh'], tags: ['latest', '1.27', '1.24'] },
  'k8s.gcr.io/pause': { size: 299_513, family: 'pause', entrypoint: ['/pause'], tags: ['3.1', '3.2', '3.5', 'latest'] },
  'k8s.gcr.io/echoserver': { size: 140_395_201, family: 'echo', cmd: ['/usr/local/bin/run.sh'], tags: ['1.4', '1.10'] },
  'k8s.gcr.io/liveness': { size: 2_593_148, family: 'liveness', tags: ['latest'] },
  'quay.io/prometheus/prometheus': { size: 113_900_000, family: 'echo', entrypoint: ['/bin/prometheus'], tags: ['latest', 'v3.1.0', 'v2.55.1', 'v2.53.3'], alias: { latest: 'v3.1.0' } },
  'quay.io/prometheus/node-exporter': { size: 11_300_000, family: 'echo', entrypoint: ['/bin/node_exporter'], tags: ['latest', 'v1.8.2', 'v1.9.0'], alias: { latest: 'v1.8.2' } },
};

/** Images every simulated node has before any pod runs (a kind node image's preloaded set). */
export const PRELOADED_IMAGES = [
  'registry.k8s.io/pause:3.10',
  'registry.k8s.io/kube-proxy:v1.32.4',
  'registry.k8s.io/coredns/coredns:v1.11.3',
  'registry.k8s.io/etcd:3.5.16-0',
  'registry.k8s.io/kube-apiserver:v1.32.4',
  'registry.k8s.io/kube-controller-manager:v1.32.4',
  'registry.k8s.io/kube-scheduler:v1.32.4',
];
