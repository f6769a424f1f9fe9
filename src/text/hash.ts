// Hashing without loading node:crypto at start-up: on Node 20 that module costs ~3 ms of every start, in runs
// that never need it (a plain-HTTP profile, help, completion, the profile and journal commands; an https
// request loads it through TLS anyway). docs/startup.md "Where the time goes".
// - sha256: node:crypto's, loaded on first use, for what must not be guessed back or forged (a secret in a
//   budget key, a plan's id, a CA file's name).
// - crc32: zlib's CRC-32, for what only has to notice damage or a mismatch (the code cache's seal); not a
//   security check, and never used as one.
import type { Hash } from 'node:crypto';

export function sha256(): Hash {
  return process.getBuiltinModule('node:crypto').createHash('sha256');
}

export function crc32(data: string | Uint8Array, value?: number): number {
  return process.getBuiltinModule('node:zlib').crc32(data, value);
}
