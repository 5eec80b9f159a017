import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types';
import { bindWrites, delayBindingEvent, findBestMatch, syncVolume, volumeMismatch } from './reconcile';

const vol = (name: string, size: string, o: { modes?: string[]; cls?: string; phase?: string; claimRef?: Record<string, string>; labels?: Record<string, string>; mode?: string } = {}): KObject => ({
  metadata: { name, labels: o.labels },
  spec: { capacity: { storage: size }, accessModes: o.modes ?? ['ReadWriteOnce'], storageClassName: o.cls ?? '', volumeMode: o.mode ?? 'Filesystem', ...(o.claimRef ? { claimRef: o.claimRef } : {}) },
  status: { phase: o.phase ?? 'Available' },
});
const claim = (o: { size?: string; modes?: string[]; cls?: string; selector?: unknown; volumeName?: string } = {}): KObject => ({
  metadata: { name: 'data', namespace: 'default', uid: 'c-uid', resourceVersion: '7' },
  spec: { accessModes: o.modes ?? ['ReadWriteOnce'], resources: { requests: { storage: o.size ?? '1Gi' } }, storageClassName: o.cls ?? '', ...(o.selector ? { selector: o.selector } : {}), ...(o.volumeName ? { volumeName: o.volumeName } : {}) },
  status: { phase: 'Pending' },
});
const name = (v: KObject | undefined) => v?.metadata.name;

describe('findBestMatch', () => {
  const cases: [string, KObject, KObject[], boolean, string | undefined][] = [
    ['the smallest volume that fits', claim(), [vol('a', '5Gi'), vol('b', '1Gi'), vol('c', '2Gi')], false, 'b'],
    ['volumes that are too small are skipped', claim({ size: '3Gi' }), [vol('a', '1Gi'), vol('b', '2Gi')], false, undefined],
    ['the class must match', claim({ cls: 'fast' }), [vol('a', '1Gi'), vol('b', '5Gi', { cls: 'fast' })], false, 'b'],
    ['access modes must be offered', claim({ modes: ['ReadWriteMany'] }), [vol('a', '1Gi'), vol('b', '9Gi', { modes: ['ReadWriteOnce', 'ReadWriteMany'] })], false, 'b'],
    ['fewer access modes beat a smaller size', claim(), [vol('a', '1Gi', { modes: ['ReadWriteOnce', 'ReadOnlyMany'] }), vol('b', '2Gi')], false, 'b'],
    ['Bound and Released volumes are skipped', claim(), [vol('a', '1Gi', { phase: 'Released' }), vol('b', '2Gi', { phase: 'Bound' })], false, undefined],
    ['a volume pre-bound to another claim is skipped', claim(), [vol('a', '1Gi', { claimRef: { name: 'other', namespace: 'default' } })], false, undefined],
    ['a volume pre-bound to this claim wins over a better fit', claim(), [vol('a', '1Gi'), vol('b', '9Gi', { claimRef: { name: 'data', namespace: 'default' } })], false, 'b'],
    ['the claim selector must match the volume labels', claim({ selector: { matchLabels: { tier: 'gold' } } }), [vol('a', '1Gi'), vol('b', '2Gi', { labels: { tier: 'gold' } })], false, 'b'],
    ['WaitForFirstConsumer: only pre-bound volumes', claim(), [vol('a', '1Gi')], true, undefined],
    ['volume modes must agree', claim(), [vol('a', '1Gi', { mode: 'Block' })], false, undefined],
  ];
  for (const [n, c, vols, delay, want] of cases) it(n, () => expect(name(findBestMatch(c, vols, delay))).toBe(want));
});

describe('binding', () => {
  it('sets claimRef (marking bound-by-controller) on the volume and volumeName + bind-completed on the claim', () => {
    const w = bindWrites(vol('a', '1Gi'), claim());
    expect(w.volume!.spec.claimRef).toEqual({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'c-uid', apiVersion: 'v1', resourceVersion: '7' });
    expect(w.volume!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(w.claim!.spec.volumeName).toBe('a');
    expect(w.claim!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
  });
  it('does not mark a volume the user pre-bound, nor a claim that named its volume', () => {
    const w = bindWrites(vol('a', '1Gi', { claimRef: { name: 'data', namespace: 'default' } }), claim({ volumeName: 'a' }));
    expect(w.volume!.metadata.annotations).toEqual({});
    expect(w.claim!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
  });
  it('explains why a requested volume does not fit', () => expect(volumeMismatch(vol('a', '1Gi'), claim({ size: '2Gi' }))).toBe('requested PV is too small'));
});

describe('syncVolume', () => {
  const bound = (uid: string) => vol('a', '1Gi', { phase: 'Bound', claimRef: { name: 'data', namespace: 'default', uid } });
  const cases: [string, KObject, KObject | undefined, unknown][] = [
    ['a new volume becomes Available', vol('a', '1Gi', { phase: 'Pending' }), undefined, { type: 'phase', phase: 'Available' }],
    ['a volume whose claim is gone is Released', bound('c-uid'), undefined, { type: 'phase', phase: 'Released' }],
    ['a volume whose claim was recreated (new uid) is Released', bound('old'), undefined, { type: 'phase', phase: 'Released' }],
    ['a volume bound to its claim stays Bound', bound('c-uid'), claim({ volumeName: 'a' }), { type: 'none' }],
    ['a claim not yet pointing at the volume is synced', bound('c-uid'), claim(), { type: 'syncClaim' }],
  ];
  for (const [n, v, c, want] of cases) it(n, () => expect(syncVolume(v, c)).toEqual(want));
});

describe('delayBindingEvent', () => {
  it('waits for a first consumer when no pod uses the claim', () => expect(delayBindingEvent([]).reason).toBe('WaitForFirstConsumer'));
  it('names the pods waiting to be scheduled', () => expect(delayBindingEvent(['a', 'b'])).toEqual({ reason: 'WaitForPodScheduled', message: 'waiting for pods a,b to be scheduled' }));
});
