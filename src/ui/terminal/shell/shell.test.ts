/**
 * The terminal's shell against a real in-process cluster (the same REST handler the worker runs):
 * kubectl lines, heredocs, multi-line pastes, Ctrl+C on a watch, built-ins and tab completion.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../cluster/cluster';
import { inProcessTransport } from '../../../kubectl/transport/inprocess';
import { Shell, type ShellOptions } from './shell';

const strip = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r\n/g, '\n').replace(/\r/g, '');

function setup(over: Partial<ShellOptions> = {}) {
  const cluster: Cluster = createCluster({ seed: 1, startTime: Date.UTC(2026, 0, 1) });
  cluster.clock.advance(60_000);
  let out = '';
  let cleared = 0;
  const files = new Map<string, string>([['web.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-buffer\n']]);
  const shell = new Shell({
    transport: inProcessTransport((r) => cluster.rest(r)),
    now: () => cluster.clock.now(),
    files: { read: (p) => files.get(p) },
    fileNames: () => [...files.keys()],
    write: (t) => (out += t),
    cols: () => 100,
    clearScreen: () => cleared++,
    ...over,
  });
  shell.start();
  /** Types text (a paste when it has newlines) and waits until the shell is idle again. */
  const type = async (text: string) => {
    shell.input(text);
    for (let i = 0; i < 200 && shell.busy; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 5));
  };
  return { cluster, shell, type, out: () => strip(out), raw: () => out, reset: () => (out = ''), cleared: () => cleared };
}

describe('Shell', () => {
  it('runs kubectl (and k) and prints its output with CRLF line ends', async () => {
    const s = setup();
    await s.type('kubectl get nodes\r');
    expect(s.raw()).toContain('NAME            STATUS   ROLES           AGE   VERSION\r\ncontrol-plane   Ready    control-plane   60s   v1.32.4\r\n');
    s.reset();
    await s.type('k get deploy -o name\r');
    expect(s.out()).toContain('deployment.apps/web\n');
  });

  it('prints kubectl errors and colours the prompt by exit status', async () => {
    const s = setup();
    await s.type('kubectl get pod nope\r');
    expect(s.out()).toContain('Error from server (NotFound): pods "nope" not found\n');
    expect(s.raw()).toMatch(/\x1b\[31m\x1b\[1m\$\x1b\[0m $/);
    await s.type('kubectl get foos\r');
    expect(s.out()).toContain(`error: the server doesn't have a resource type "foos"`);
  });

  it('applies a heredoc typed line by line', async () => {
    const s = setup();
    await s.type('kubectl apply -f - <<EOF\r');
    await s.type('apiVersion: v1\r');
    await s.type('kind: ConfigMap\r');
    await s.type('metadata:\r');
    await s.type('  name: typed\r');
    await s.type('EOF\r');
    expect(s.out()).toContain('configmap/typed created\n');
    expect(s.cluster.store.list('configmaps').items.some((o) => o.metadata.name === 'typed')).toBe(true);
  });

  it('a multi-line paste runs each command in turn, heredoc included', async () => {
    const s = setup();
    await s.type('kubectl create namespace team\nkubectl apply -n team -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pasted\nEOF\nkubectl get cm -n team -o name\n');
    for (let i = 0; i < 20 && !s.out().includes('configmap/pasted\n'); i++) await s.type('');
    expect(s.out()).toContain('namespace/team created\n');
    expect(s.out()).toContain('configmap/pasted created\n');
    expect(s.out()).toMatch(/-o name\nconfigmap\/pasted\n/);
  });

  it('a paste that arrives while a command runs waits for the prompt, line by line', async () => {
    const s = setup();
    s.shell.input('kubectl get nodes -o name\r');
    expect(s.shell.busy).toBe(true);
    s.shell.input('kubectl create namespace late\nkubectl get ns late -o name\n');
    for (let i = 0; i < 100 && !s.out().includes('namespace/late\n'); i++) await new Promise((r) => setTimeout(r, 5));
    // (The prompt is drawn, then redrawn with the line: "$ $ " once the carriage returns are stripped.)
    expect(s.out()).toMatch(/node\/worker-3\n\$ \$ kubectl create namespace late\nnamespace\/late created\n\$ \$ kubectl get ns late -o name\nnamespace\/late\n/);
  });

  it('joins a line ending in a backslash or an open quote with the next', async () => {
    const s = setup();
    await s.type('kubectl get \\\r');
    await s.type('nodes -o name\r');
    expect(s.out()).toContain('node/worker-3\n');
    await s.type(`kubectl get pods -o 'jsonpath={.items[0].kind`);
    await s.type('\r');
    await s.type(`}'\r`);
    expect(s.shell.history[s.shell.history.length - 1]).toContain('jsonpath=');
  });

  it('-f names an editor buffer', async () => {
    const s = setup();
    await s.type('kubectl apply -f web.yaml\r');
    expect(s.out()).toContain('configmap/from-buffer created\n');
    await s.type('kubectl apply -f nothing.yaml\r');
    expect(s.out()).toContain('error: the path "nothing.yaml" does not exist\n');
  });

  it('Ctrl+C stops a watch and the prompt returns', async () => {
    const s = setup();
    s.shell.input('kubectl get pods -w\r');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.shell.busy).toBe(true);
    s.shell.input('kubectl scale deployment web --replicas=4\r'); // typed ahead: waits for the prompt
    s.shell.input('\x03');
    for (let i = 0; i < 100 && s.shell.busy; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s.shell.busy).toBe(false);
    expect(s.out()).toMatch(/web-\S+ +1\/1 +Running[^\n]*\n\^C\n\$ $/);
  });

  it('built-ins: help, history, clear, unknown commands, pipes', async () => {
    const s = setup();
    await s.type('help\r');
    expect(s.out()).toContain('kubeplay terminal');
    await s.type('kubectl version --client\r');
    await s.type('history\r');
    expect(s.out()).toContain('    1  help\n    2  kubectl version --client\n');
    await s.type('clear\r');
    expect(s.cleared()).toBe(1);
    await s.type('ls -l\r');
    expect(s.out()).toContain('ls: command not found');
    await s.type('kubectl get pods | grep web\r');
    expect(s.out()).toContain(`kubeplay: '|' is not available in this terminal`);
  });

  describe('tab completion', () => {
    const tab = async (s: ReturnType<typeof setup>, text: string) => {
      s.shell.input('\x15'); // clear the line
      s.shell.input(text);
      s.reset();
      await s.type('\t');
      return s.out();
    };
    it('completes commands, subcommands and flags', async () => {
      const s = setup();
      await tab(s, 'kub');
      expect(s.out()).toContain('kubectl ');
      await tab(s, 'kubectl rollout sta');
      expect(s.out()).toContain('kubectl rollout status ');
      await tab(s, 'kubectl get pods --show-l');
      expect(s.out()).toContain('--show-labels ');
      const listed = await tab(s, 'kubectl ro');
      expect(listed).toContain('kubectl rollout ');
    });
    it('completes resource types, object names, namespaces and files', async () => {
      const s = setup();
      await tab(s, 'kubectl get deploym');
      expect(s.out()).toContain('kubectl get deployment');
      await tab(s, 'kubectl describe deployment w');
      expect(s.out()).toContain('kubectl describe deployment web ');
      await tab(s, 'kubectl get pods -n kube-s');
      expect(s.out()).toContain('-n kube-system ');
      await tab(s, 'kubectl cordon worker-');
      expect(s.out()).toMatch(/worker-1 +worker-2 +worker-3/);
      await tab(s, 'kubectl logs -n kube-system kube-pr');
      expect(s.out()).toContain('kubectl logs -n kube-system kube-proxy-');
      await tab(s, 'kubectl apply -f w');
      expect(s.out()).toContain('-f web.yaml ');
      await tab(s, 'kubectl scale deploy/w');
      expect(s.out()).toContain('deploy/web ');
      // Generators and the flags that read files (create secret tls --cert/--key, --from-file).
      await tab(s, 'kubectl create secret t');
      expect(s.out()).toContain('kubectl create secret tls ');
      await tab(s, 'kubectl create secret tls t --cert w');
      expect(s.out()).toContain('--cert web.yaml ');
      await tab(s, 'kubectl create configmap c --from-file w');
      expect(s.out()).toContain('--from-file web.yaml ');
    });
  });
});
