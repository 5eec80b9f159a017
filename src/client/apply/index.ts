/**
 * Client-side `kubectl apply` for any REST transport: parse manifests with positions, compute the
 * three-way patch kubectl sends, apply documents with kubectl's requests and messages. Pure
 * TypeScript (no DOM, no Node APIs); shared by the YAML editor and the in-browser kubectl.
 */
export { applyDocuments, resolveDocument, type ApplyOptions, type ApplyResult, type ObjectRef, type Outcome } from './apply';
export { applyEdit, type EditInput, type EditResult } from './applyEdit';
export { Discovery, resourcePath, splitApiVersion, type ResourceMapping } from './discovery';
export { editView, userFields, type EditView } from './editView';
export { fieldsInMessage, parseFieldPath, type MessageField } from './fieldPath';
export { goMarshal, sortKeysDeep } from './goJson';
export { deepEqual as deepEqualJson } from './smpDiff';
export { LAST_APPLIED, lastAppliedOf, lastAppliedValue, withLastApplied } from './lastApplied';
export { kubectlErrorText, nameOf, outcomeLine, statusOf, warningText, type DryRun } from './messages';
export { computeThreeWayPatch, PreconditionError, type ThreeWayPatch } from './threeWay';
export type { ApplyRestReply, ApplyRestRequest, JsonMap, RestFn, Status, StatusCause } from './types';
export { locate, parseManifests, type FieldPath, type Located, type ManifestDoc, type ParsedManifests, type Position, type SourceRange, type YamlProblem } from './yamlDocs';
