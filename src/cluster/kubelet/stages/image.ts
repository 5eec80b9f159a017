/**
 * Image stages (EnsureImageExists): the image is already there, or pulled (serially, at the node's
 * bandwidth), or the pull fails and backs off 10 s → 5 min. Event texts are the 1.32 kubelet's.
 */
import type { Stage } from './types';

const RESYNC = { ms: 10_000, jitterMs: 5_000 }; // the pod worker's back-off resync (10 s + 50 % jitter)

export const imageStages: Stage[] = [
  {
    name: 'image-invalid-name',
    subject: 'container',
    match: { state: ['Pull'], imageValid: [false] },
    next: {
      state: 'InvalidImageName',
      effects: ['invalidImage'],
      events: [
        { type: 'Warning', reason: 'InspectFailed', message: '{waitingMessage}' },
        { type: 'Warning', reason: 'Failed', message: 'Error: InvalidImageName' },
      ],
    },
  },
  { name: 'image-invalid-resync', subject: 'container', match: { state: ['InvalidImageName'] }, delay: RESYNC, next: { state: 'Pull' } },
  {
    name: 'image-never-pull',
    subject: 'container',
    match: { state: ['Pull'], imageValid: [true], pullPolicy: ['Never'], imagePresent: [false] },
    next: {
      state: 'ErrImageNeverPull',
      effects: ['neverPull'],
      events: [
        { type: 'Warning', reason: 'ErrImageNeverPull', message: 'Container image "{image}" is not present with pull policy of Never' },
        { type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull' },
      ],
    },
  },
  { name: 'image-never-pull-resync', subject: 'container', match: { state: ['ErrImageNeverPull'] }, delay: RESYNC, next: { state: 'Pull' } },
  {
    name: 'image-present',
    subject: 'container',
    match: { state: ['Pull'], imageValid: [true], needsPull: [false], imagePresent: [true] },
    next: {
      state: 'Creating',
      effects: ['imageReady'],
      events: [{ type: 'Normal', reason: 'Pulled', message: 'Container image "{image}" already present on machine' }],
    },
  },
  {
    name: 'image-pull-backoff',
    subject: 'container',
    match: { state: ['Pull'], imageValid: [true], needsPull: [true], pullBackOff: ['active'] },
    next: {
      state: 'ImagePullBackOff',
      effects: ['pullBackOff'],
      events: [
        { type: 'Normal', reason: 'BackOff', message: 'Back-off pulling image "{image}"' },
        { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' },
      ],
    },
  },
  {
    name: 'image-pull',
    subject: 'container',
    match: { state: ['Pull'], imageValid: [true], needsPull: [true], pullBackOff: ['none'] },
    next: { state: 'Pulling', effects: ['pullStart'], events: [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "{image}"' }] },
  },
  {
    name: 'image-pulled',
    subject: 'container',
    match: { state: ['Pulling'], imageFound: [true] },
    delay: { from: 'imagePull' },
    next: {
      state: 'Creating',
      effects: ['pullDone'],
      events: [
        {
          type: 'Normal',
          reason: 'Pulled',
          message: 'Successfully pulled image "{image}" in {pullDuration} ({pullTotal} including waiting). Image size: {imageSize} bytes.',
        },
      ],
    },
  },
  {
    name: 'image-pull-failed',
    subject: 'container',
    match: { state: ['Pulling'], imageFound: [false] },
    delay: { from: 'imagePull' },
    next: {
      state: 'ErrImagePull',
      effects: ['pullFail'],
      events: [
        { type: 'Warning', reason: 'Failed', message: 'Failed to pull image "{image}": {pullError}' },
        { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
      ],
    },
  },
  // After a failed pull the pod is synced again within a second or so, which lands in the back-off.
  { name: 'image-pull-failed-resync', subject: 'container', match: { state: ['ErrImagePull'] }, delay: { ms: 1100, jitterMs: 1400 }, next: { state: 'Pull' } },
  { name: 'image-backoff-resync', subject: 'container', match: { state: ['ImagePullBackOff'] }, delay: RESYNC, next: { state: 'Pull' } },
];
