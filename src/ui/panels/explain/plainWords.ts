/**
 * The scheduler's FailedScheduling message in plain words. The message is a count per reason
 * (`0/4 nodes are available: 1 node(s) had untolerated taint {…}, 3 Insufficient cpu.`); each
 * known reason becomes a sentence a learner can act on, unknown ones are kept verbatim.
 */

export interface PlainReason {
  count: number;
  /** The scheduler's own words for this reason. */
  raw: string;
  /** What it means, in a sentence. */
  plain: string;
}

export interface PlainExplanation {
  total?: number;
  available?: number;
  reasons: PlainReason[];
  /** What the preemption attempt concluded, if the message says. */
  preemption?: string;
}

const nodes = (n: number) => (n === 1 ? '1 node' : `${n} nodes`);
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

const RULES: { test: RegExp; say: (n: number, m: RegExpMatchArray) => string }[] = [
  { test: /Insufficient (cpu|memory|pods|ephemeral-storage|[\w./-]+)/, say: (n, m) => `${nodes(n)} ${verb(n, "doesn't", "don't")} have enough unrequested ${m[1] === 'cpu' ? 'CPU' : m[1]} left for this pod's request.` },
  { test: /Too many pods/, say: (n) => `${nodes(n)} already ${verb(n, 'runs', 'run')} as many pods as ${verb(n, 'it', 'they')} may (allocatable pods).` },
  {
    test: /untolerated taint \{node\.kubernetes\.io\/unreachable/,
    say: (n) => `${nodes(n)} ${verb(n, 'is', 'are')} unreachable: the kubelet stopped reporting, so the node is tainted and avoided.`,
  },
  { test: /untolerated taint \{node\.kubernetes\.io\/not-ready/, say: (n) => `${nodes(n)} ${verb(n, 'is', 'are')} not Ready, so ${verb(n, 'it is', 'they are')} tainted and avoided.` },
  { test: /untolerated taint \{node\.kubernetes\.io\/unschedulable/, say: (n) => `${nodes(n)} ${verb(n, 'is', 'are')} cordoned (marked unschedulable).` },
  { test: /untolerated taint \{node-role\.kubernetes\.io\/control-plane/, say: (n) => `${nodes(n)} ${verb(n, 'is the control plane, which is', 'are control planes, which are')} tainted so ordinary pods stay off.` },
  { test: /untolerated taint \{([^:}]+)/, say: (n, m) => `${nodes(n)} ${verb(n, 'carries', 'carry')} the taint ${m[1]}, which this pod does not tolerate.` },
  { test: /were unschedulable|was unschedulable/, say: (n) => `${nodes(n)} ${verb(n, 'is', 'are')} cordoned (marked unschedulable).` },
  { test: /didn't match Pod's node affinity\/selector|node\(s\) didn't match node selector/, say: (n) => `${nodes(n)} ${verb(n, "doesn't", "don't")} match the pod's nodeSelector or node affinity.` },
  { test: /didn't have free ports/, say: (n) => `${nodes(n)} already ${verb(n, 'has', 'have')} the host port this pod asks for in use.` },
  { test: /topology spread constraints/, say: (n) => `Placing it on ${verb(n, 'this node', `${n} of the nodes`)} would break the pod's topology spread constraints.` },
  { test: /didn't match pod anti-affinity rules/, say: (n) => `${nodes(n)} already ${verb(n, 'runs', 'run')} a pod this one must not sit next to (anti-affinity).` },
  { test: /didn't match pod affinity rules/, say: (n) => `${nodes(n)} ${verb(n, 'lacks', 'lack')} a pod this one must sit next to (affinity).` },
  { test: /volume node affinity conflict/, say: (n) => `${nodes(n)} can't reach the pod's volume (volume node affinity).` },
  { test: /didn't match the requested node name|didn't match the requested hostname/, say: (n) => `${nodes(n)} ${verb(n, 'is', 'are')} not the node the pod names in spec.nodeName.` },
  { test: /node\(s\) had (?:volume )?unbound immediate PersistentVolumeClaims|unbound immediate PersistentVolumeClaims/, say: () => `The pod's PersistentVolumeClaim is not bound to a volume yet.` },
  { test: /node\(s\) (?:was|were) not ready|not-ready/, say: (n) => `${nodes(n)} ${verb(n, 'is', 'are')} not Ready.` },
];

/** Splits a FailedScheduling (or PodScheduled=False) message and explains each part. */
export function explainUnschedulable(message: string): PlainExplanation {
  const out: PlainExplanation = { reasons: [] };
  const [main, preemption] = message.split(/\.\s*preemption:\s*/);
  if (preemption) {
    out.preemption = /not helpful|No preemption victims/.test(preemption)
      ? 'Preemption would not help: there are no lower-priority pods whose removal would make room.'
      : `Preemption: ${preemption.trim().replace(/\.$/, '')}.`;
  }
  const head = main.match(/^(\d+)\/(\d+) nodes are available:?\s*/);
  let body = main;
  if (head) {
    out.available = Number(head[1]);
    out.total = Number(head[2]);
    body = main.slice(head[0].length);
  }
  for (const part of splitReasons(body.replace(/\.$/, ''))) {
    const m = part.match(/^(\d+)\s+(.*)$/);
    const count = m ? Number(m[1]) : 1;
    const raw = (m ? m[2] : part).trim();
    if (!raw) continue;
    const rule = RULES.map((r) => ({ r, match: raw.match(r.test) })).find((x) => x.match);
    out.reasons.push({ count, raw, plain: rule ? rule.r.say(count, rule.match!) : raw });
  }
  return out;
}

/** Splits on the commas between reasons, not the ones inside `{…}` taint text. */
function splitReasons(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
