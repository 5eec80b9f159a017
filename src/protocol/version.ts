/**
 * The protocol's version. Every message carries it (`v`); a peer that receives another version
 * refuses the message instead of guessing, so a stale cached worker can never half-understand a
 * newer page (or the reverse). Bump it whenever a message or view shape changes incompatibly.
 */
export const PROTOCOL_VERSION = 1;
