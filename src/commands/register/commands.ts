// Every one-shot command, in the order `pgtui --help` lists them: one file each, one line here
// (docs/ARCHITECTURE.md "Commands: one registration").
import * as activity from './activity.js';
import * as backups from './backups.js';
import * as cancel from './cancel.js';
import * as completion from './completion.js';
import * as config from './config.js';
import * as create from './create.js';
import * as del from './delete.js';
import * as df from './df.js';
import * as diagnose from './diagnose.js';
import * as edit from './edit.js';
import * as failover from './failover.js';
import * as get from './get.js';
import * as journal from './journal.js';
import * as locks from './locks.js';
import * as logs from './logs.js';
import * as ls from './ls.js';
import * as metrics from './metrics.js';
import * as profile from './profile.js';
import * as promote from './promote.js';
import * as psql from './psql.js';
import * as replication from './replication.js';
import * as resetPassword from './reset-password.js';
import * as restart from './restart.js';
import * as restore from './restore.js';
import * as slow from './slow.js';
import * as statements from './statements.js';
import * as terminate from './terminate.js';
import * as test from './test.js';
import * as wait from './wait.js';
import type { CommandFile } from './wiring.js';

export const COMMANDS: readonly CommandFile[] = [
  ls,
  get,
  wait,
  edit,
  psql,
  create,
  del,
  restart,
  promote,
  resetPassword,
  backups,
  restore,
  diagnose,
  activity,
  locks,
  cancel,
  terminate,
  replication,
  statements,
  completion,
  logs,
  metrics,
  slow,
  config,
  df,
  test,
  failover,
  journal,
  profile,
];
