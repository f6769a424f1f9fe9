// What every Postgres one-shot (activity, locks, cancel, terminate, replication, statements, and the
// slow/config/metrics fallbacks) shares: the cluster, a session opened where `pgtui psql` would connect
// (src/pg/session.ts), the password from --password-stdin when given, and its errors as exit codes.
import type { Profile } from '../api/profile.js';
import type { Cluster, Provider } from '../api/core/types.js';
import type { PgProblem } from '../pg/errors.js';
import type { PgSession, PgSessionOptions } from '../pg/session.js';
import { oneLine } from '../text/safe.js';
import { errLine } from '../text/write.js';
import type { Context } from './context.js';
import { CommandError, EXIT } from './exit-codes.js';
import { findCluster } from './get.js';
import { readStdin } from './stdin.js';

export interface PgCommandOptions {
  passwordStdin?: boolean;
}

export interface PgTarget {
  cluster: Cluster;
  profile: Profile;
  provider: Provider;
}

/** Exit codes of a Postgres failure (README, "Exit codes"). */
const EXIT_OF: Record<PgProblem, number> = {
  connect: EXIT.error,
  password: EXIT.error,
  query: EXIT.error,
  timeout: EXIT.timeout,
  unreachable: EXIT.failed,
  privilege: EXIT.refused,
  missing: EXIT.refused,
  refused: EXIT.refused,
};

export async function pgTarget(ctx: Context, query: string, exact = false): Promise<PgTarget> {
  const cluster = await findCluster(ctx, query);
  if (exact && cluster.name !== query && cluster.id !== query) {
    throw new CommandError(`give the exact name or id of the cluster (${oneLine(query, 80)} only starts ${oneLine(cluster.name, 80)})`, EXIT.usage);
  }
  const profile = ctx.profiles.find((p) => p.name === cluster.profile)!;
  return { cluster, profile, provider: ctx.providerFor(profile) };
}

/** A PgSessionError (or anything else) as a CommandError with the right exit code. */
export async function asCommandError(err: unknown): Promise<unknown> {
  const { PgSessionError } = await import('../pg/errors.js');
  return err instanceof PgSessionError ? new CommandError(err.message, EXIT_OF[err.problem]) : err;
}

/** Runs `body` with a session on the target; the session is closed however it ends. */
export async function withPgSession<T>(ctx: Context, t: PgTarget, opts: PgCommandOptions, body: (session: PgSession) => Promise<T>, sessionOpts: PgSessionOptions = {}): Promise<T> {
  const password = opts.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
  if (opts.passwordStdin && !password) throw new CommandError('--password-stdin: stdin was empty', EXIT.usage);
  const { openPgSession } = await import('../pg/session.js');
  let session: PgSession;
  try {
    session = await openPgSession(t.cluster, t.provider, { configDir: ctx.config.dir, password, ...sessionOpts });
  } catch (err) {
    throw await asCommandError(err);
  }
  if (session.note) errLine(session.note);
  try {
    return await body(session);
  } catch (err) {
    throw await asCommandError(err);
  } finally {
    await session.close();
  }
}
