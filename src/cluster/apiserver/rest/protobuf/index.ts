export { decodeKubernetesProtobuf } from './envelope';
export { ProtoError } from './wire';
