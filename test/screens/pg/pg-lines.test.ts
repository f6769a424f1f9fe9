// The rows of the Postgres screens as pure functions: a role's password literal (pg_stat_statements and
// pg_stat_activity keep CREATE/ALTER ROLE … PASSWORD '…' as typed) never shows, rows are cut to the width, and
// the lock tree's lines nest a waiter with several blockers under each.
import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../../../src/pg/activity.js';
import { maskSqlSecrets } from '../../../src/pg/format.js';
import { buildLockTree } from '../../../src/pg/locks.js';
import { sessionLine, shownSessions } from '../../../src/ui/screens/Activity.js';
import { nodeLine, treeLines } from '../../../src/ui/screens/LockTree.js';
import { statementLines } from '../../../src/ui/screens/PgInfo.js';

const row = (pid: number, over: Partial<SessionRow> = {}): SessionRow => ({ pid, group: 'running', blockedBy: [], user: 'app', app: 'web', query: 'SELECT 1', ...over });

describe('Postgres screen rows', () => {
  it('mask the password literal of CREATE/ALTER ROLE, however it is quoted', () => {
    expect(maskSqlSecrets("CREATE ROLE a LOGIN PASSWORD 'Sec''ret-1' VALID UNTIL 'infinity'")).toBe("CREATE ROLE a LOGIN PASSWORD '***' VALID UNTIL 'infinity'");
    expect(maskSqlSecrets("alter role a with encrypted password E'x\\'y'")).toBe("alter role a with encrypted password '***'");
    expect(maskSqlSecrets('ALTER ROLE a PASSWORD $p$dollar$p$;')).toBe("ALTER ROLE a PASSWORD '***';");
    expect(maskSqlSecrets("ALTER ROLE a PASSWORD 'cut at 4 KiB")).toBe("ALTER ROLE a PASSWORD '***'");
    expect(maskSqlSecrets("SELECT 'password' FROM t")).toBe("SELECT 'password' FROM t");
    const line = sessionLine(row(7, { query: "ALTER ROLE app PASSWORD 'hunter2'" }), false, 200);
    expect(line).toContain("PASSWORD '***'");
    expect(line).not.toContain('hunter2');
    const stmt = { key: 'k', queryId: '1', query: "CREATE ROLE x PASSWORD 'hunter2'", calls: 1, totalMs: 1, meanMs: 1, rows: 0, sharedBlksHit: 0, sharedBlksRead: 0 };
    const text = statementLines({ sinceOpen: [], sinceReset: [stmt], openedAt: Date.now() }, false, 'total').map((l) => l.text).join('\n');
    expect(text).not.toContain('hunter2');
    // The filter does not find a session by its password either.
    expect(shownSessions([row(7, { query: "ALTER ROLE app PASSWORD 'hunter2'" })], { sort: 0, reverse: false, filter: 'hunter2', idle: true })).toHaveLength(0);
  });

  it('cut every row to the width, escape sequences made visible', () => {
    const evil = `SELECT 1 /* \u001b]0;owned\u0007 ${'z'.repeat(100_000)} */`;
    for (const width of [40, 80, 160]) {
      const line = sessionLine(row(1, { query: evil }), true, width);
      expect(line.length).toBeLessThan(width);
      expect(line).not.toMatch(/\u001b|\u0007/);
    }
  });

  it('a waiter held by two blockers sits under both; heads count whom they block directly and in all', () => {
    const tree = buildLockTree([row(1), row(2), row(3, { blockedBy: [1, 2] }), row(4, { blockedBy: [3] })]);
    const lines = treeLines(tree.roots).map((l) => nodeLine(l, false, 200));
    expect(lines.filter((l) => /└ 3 /.test(l))).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}1 {2}blocks 2 \(1 directly\)/);
    expect(lines.find((l) => /└ 3 /.test(l))).toMatch(/also waits for 2/);
  });
});
