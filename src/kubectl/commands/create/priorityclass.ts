/** `kubectl create priorityclass` (pkg/cmd/create/create_priorityclass.go). */
import type { Command } from '../../cli/command';
import type { Obj } from '../../util/manifest';
import { createGenerated, generatorFlags, nameFromArgs } from './generate';

export const priorityclass: Command = {
  name: 'priorityclass',
  aliases: ['pc'],
  short: 'Create a priority class with the specified name',
  use: 'create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  flags: [
    ...generatorFlags(),
    { name: 'value', type: 'int32', usage: 'the value of this priority class.' },
    { name: 'global-default', type: 'bool', usage: 'global-default specifies whether this PriorityClass should be considered as the default priority.' },
    { name: 'description', type: 'string', usage: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.' },
    { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority', usage: 'preemption-policy is the policy for preempting pods with lower priority.' },
  ],
  async run(cmd) {
    const name = nameFromArgs(cmd);
    // The typed struct: value is always written; globalDefault and description only when set;
    // preemptionPolicy is a pointer kubectl always sets (to the flag's default unless given).
    const description = cmd.str('description');
    const obj: Obj = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { creationTimestamp: null, name } as never,
      value: cmd.int('value'),
      ...(cmd.bool('global-default') ? { globalDefault: true } : {}),
      ...(description ? { description } : {}),
      preemptionPolicy: cmd.str('preemption-policy'),
    };
    await createGenerated(cmd, obj, { resource: 'priorityclasses.scheduling.k8s.io', failPrefix: 'failed to create priorityclass: ', fieldManager: 'kubectl-create', validate: true, typed: true });
  },
};
