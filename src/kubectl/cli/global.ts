/** kubectl's persistent (global) flags: every command accepts them, anywhere on the line. */
import type { FlagDef } from './flags';

export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'cache-dir', type: 'string', usage: 'Default cache directory' },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation.' },
  { name: 'as-group', type: 'stringArray', usage: 'Group to impersonate for the operation.' },
  { name: 'as-uid', type: 'string', usage: 'UID to impersonate for the operation.' },
  { name: 'username', type: 'string', usage: 'Username for basic authentication to the API server' },
  { name: 'password', type: 'string', usage: 'Password for basic authentication to the API server' },
  { name: 'certificate-authority', type: 'string', usage: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', type: 'string', usage: 'Path to a client certificate file for TLS' },
  { name: 'client-key', type: 'string', usage: 'Path to a client key file for TLS' },
  { name: 'tls-server-name', type: 'string', usage: 'Server name to use for server certificate validation.' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: "If true, the server's certificate will not be checked for validity." },
  { name: 'disable-compression', type: 'bool', usage: 'If true, opt-out of response compression for all requests to the server' },
  { name: 'match-server-version', type: 'bool', usage: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'v', short: 'v', type: 'int', usage: 'number for the log level verbosity' },
  { name: 'profile', type: 'string', default: 'none', usage: 'Name of profile to capture.' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof', usage: 'Name of the file to write the profile to' },
  { name: 'log-flush-frequency', type: 'duration', default: 5000, usage: 'Maximum number of seconds between log flushes' },
];

/** Global flags that take a value (for finding the command word in `kubectl -n x get pods`). */
export const GLOBAL_VALUE_FLAGS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));
