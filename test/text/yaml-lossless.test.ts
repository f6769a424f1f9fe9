// -o yaml is as lossless as -o json: C1 controls, DEL, bidi controls and the line/paragraph separators come out
// as \uXXXX escapes in double-quoted scalars (YAML reads them back as the same characters), never raw and never
// as U+FFFD. Checked on the function and through `pgtui ls -o yaml` against a server of our own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { structured } from '../../src/commands/output.js';
import { terminalText } from '../../src/text/safe.js';
import { ensureBuilt } from '../cli/helpers.js';
import { hostileServer, runPgtui, sendJson, type HostileServer } from '../reliability/hostile-server.js';
import { firstUnsafe } from '../reliability/hostile.js';

const TRICKY = 'a\u0085b\u009b31m\u202ec\u2028d\u2029e\u200ef\u061cg\u2066h\u007fi é';

describe('structured yaml', () => {
  it('round-trips every character JSON escapes, in values and keys, with nothing raw', async () => {
    const value = { name: TRICKY, plain: 'plain text', [`key${TRICKY}`]: [TRICKY, 1, true, null], nested: { deep: `x${TRICKY}` }, multi: 'line one\nline two' };
    const yaml = await structured('yaml', value);
    expect(firstUnsafe(yaml)).toBeUndefined();
    expect(terminalText(yaml)).toBe(yaml);
    expect(yaml).not.toContain('\ufffd');
    expect(yaml).toContain('\\u009b');
    expect(parse(yaml)).toEqual(value);
    // Strings without such characters keep their plain style.
    expect(yaml).toMatch(/^plain: plain text$/m);
    // The same content as JSON gives.
    expect(parse(yaml)).toEqual(JSON.parse(await structured('json', value)));
  });
});

describe('pgtui ls -o yaml', () => {
  let server: HostileServer;
  beforeAll(async () => {
    ensureBuilt();
    server = await hostileServer((_req, res) => sendJson(res, { result: [{ id: 'one', name: TRICKY, state: 'running' }] }));
  });
  afterAll(() => server.close());

  it('prints the name exactly as the server sent it (escaped), and as -o json does', async () => {
    const profile = { kind: 'clickhouse' as const, name: 'y-ch', apiUrl: server.url, keyId: 'k', keySecret: 's', organizationId: 'org' };
    const y = await runPgtui(['ls', '-o', 'yaml'], [profile]);
    expect(y.code, y.stderr).toBe(0);
    expect(firstUnsafe(y.stdout)).toBeUndefined();
    const j = await runPgtui(['ls', '-o', 'json'], [profile]);
    const fromYaml = parse(y.stdout) as Array<{ name: string }>;
    expect(fromYaml[0]!.name).toBe(TRICKY);
    expect(fromYaml).toEqual(JSON.parse(j.stdout));
  });
});
