/**
 * The in-memory kubeconfig: what `kubectl config` reads and edits. It starts like the headless
 * server's file (one cluster, context and user named `kubeplay`, namespace `default`).
 */

export interface KubeCluster {
  name: string;
  server: string;
}

export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface KubeUser {
  name: string;
}

export interface Kubeconfig {
  clusters: KubeCluster[];
  contexts: KubeContext[];
  users: KubeUser[];
  currentContext: string;
}

export function defaultKubeconfig(server = 'http://127.0.0.1:6443'): Kubeconfig {
  return {
    clusters: [{ name: 'kubeplay', server }],
    contexts: [{ name: 'kubeplay', cluster: 'kubeplay', user: 'kubeplay', namespace: 'default' }],
    users: [{ name: 'kubeplay' }],
    currentContext: 'kubeplay',
  };
}

export function currentContext(cfg: Kubeconfig, override?: string): KubeContext | undefined {
  const name = override || cfg.currentContext;
  return cfg.contexts.find((c) => c.name === name);
}
