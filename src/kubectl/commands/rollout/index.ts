/** `kubectl rollout` and its subcommands. */
import type { Command } from '../../cli/command';
import { filenameFlags, printFlags, selectorFlag, dryRunFlag, fieldManagerFlag } from '../../cli/common';
import { runHistory, runUndo } from './history';
import { runPause, runRestart, runResume } from './patchers';
import { runStatus } from './status';

const common = [...filenameFlags('identifying the resource to get from a server.'), selectorFlag];

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  subcommands: [
    {
      name: 'history',
      short: 'View rollout history',
      use: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
      flags: [...printFlags, ...common, { name: 'revision', type: 'int', usage: 'See the details, including podTemplate of the revision specified' }],
      run: runHistory,
    },
    {
      name: 'pause',
      short: 'Mark the provided resource as paused',
      use: 'rollout pause RESOURCE',
      flags: [...printFlags, ...common, fieldManagerFlag('kubectl-rollout')],
      run: runPause,
    },
    {
      name: 'restart',
      short: 'Restart a resource',
      use: 'rollout restart RESOURCE',
      flags: [...printFlags, ...common, fieldManagerFlag('kubectl-rollout')],
      run: runRestart,
    },
    {
      name: 'resume',
      short: 'Resume a paused resource',
      use: 'rollout resume RESOURCE',
      flags: [...printFlags, ...common, fieldManagerFlag('kubectl-rollout')],
      run: runResume,
    },
    {
      name: 'status',
      short: 'Show the status of the rollout',
      use: 'rollout status (TYPE NAME | TYPE/NAME) [flags]',
      flags: [
        ...common,
        { name: 'watch', short: 'w', type: 'bool', default: true, usage: 'Watch the status of the rollout until it\'s done.' },
        { name: 'revision', type: 'int', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
        { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before ending watch, zero means never.' },
      ],
      run: runStatus,
    },
    {
      name: 'undo',
      short: 'Undo a previous rollout',
      use: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
      flags: [...printFlags, ...common, dryRunFlag, { name: 'to-revision', type: 'int', usage: 'The revision to rollback to. Default to 0 (last revision).' }],
      run: runUndo,
    },
  ],
};
