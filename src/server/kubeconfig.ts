import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A kubeconfig pointing kubectl at the headless server (plain HTTP on loopback, no auth). */
export function kubeconfigYaml(server: string, name = 'kubeplay'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${name}`,
    '  cluster:',
    `    server: ${server}`,
    'contexts:',
    `- name: ${name}`,
    '  context:',
    `    cluster: ${name}`,
    `    user: ${name}`,
    '    namespace: default',
    `current-context: ${name}`,
    'preferences: {}',
    'users:',
    `- name: ${name}`,
    '  user: {}',
    '',
  ].join('\n');
}

export function writeKubeconfig(path: string, server: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigYaml(server), { mode: 0o600 });
}
