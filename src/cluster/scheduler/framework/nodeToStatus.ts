import { Code, Status } from './types';

/**
 * framework.NodeToStatus: the status of every node a pod was rejected on, plus the status that
 * stands for nodes not listed ("absent" — never evaluated, or ruled out wholesale by PreFilter).
 */
export class NodeToStatus {
  private m = new Map<string, Status>();
  absent: Status = new Status(Code.UnschedulableAndUnresolvable);

  set(node: string, s: Status): void {
    this.m.set(node, s);
  }

  /** The node's own status, or the absent-node status. */
  get(node: string): Status {
    return this.m.get(node) ?? this.absent;
  }

  has(node: string): boolean {
    return this.m.has(node);
  }

  get size(): number {
    return this.m.size;
  }

  entries(): IterableIterator<[string, Status]> {
    return this.m.entries();
  }
}
