/** Every kubectl command the playground knows, in `kubectl --help` order. */
import type { Command } from '../cli/command';
import { applyCommand } from './apply';
import { autoscaleCommand } from './autoscale';
import { createCommand } from './create/index';
import { deleteCommand } from './delete';
import { editCommand } from './edit';
import { describeCommand } from './describe';
import { eventsCommand } from './events';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, versionCommand } from './info';
import { configCommand } from './config';
import { cordonCommand, drainCommand, taintCommand, uncordonCommand } from './nodes';
import { logsCommand } from './logs';
import { annotateCommand, labelCommand } from './metadata';
import { patchCommand } from './patch';
import { replaceCommand } from './replace';
import { rolloutCommand } from './rollout/index';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set/index';
import { topCommand } from './top';
import { waitCommand } from './wait';

export const rootCommands: Command[] = [createCommand, exposeCommand, runCommand, getCommand, editCommand, describeCommand, deleteCommand, logsCommand, rolloutCommand, scaleCommand, autoscaleCommand, setCommand, labelCommand, annotateCommand, patchCommand, replaceCommand, applyCommand, clusterInfoCommand, topCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand, explainCommand, eventsCommand, waitCommand, apiResourcesCommand, apiVersionsCommand, configCommand, versionCommand];
