// What the tests that drive the demo's psql need: PostgreSQL server binaries (the system's or npm's,
// src/fake/postgres-bin.ts) and psql itself, which npm's server binaries come without.
import { findPostgresBin } from '../../src/fake/local-postgres.js';
import { findPsql } from '../../src/psql/launch.js';

const hasPsql = (() => {
  try {
    return Boolean(findPsql(undefined));
  } catch {
    return false;
  }
})();

/** Server binaries and psql are both there. */
export const POSTGRES_AND_PSQL = Boolean(findPostgresBin()) && hasPsql;
