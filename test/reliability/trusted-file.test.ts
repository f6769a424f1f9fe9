// The trusted-file reader/writer itself (src/files/trusted-file.ts): what it refuses to read, what it never
// writes through, and the seal that tells a damaged file from a good one.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../cli/helpers.js';
import { checksum, ensureTrustedDir, nameHash, readTrusted, seal, unseal, untrustedDir, UntrustedFileError, writeTrusted } from '../../src/files/trusted-file.js';

const ROOT_USER = process.getuid?.() === 0;
const made: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pgtui-trust-'));
  chmodSync(d, 0o700);
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('readTrusted', () => {
  it('reads the own 0600 file; undefined when there is none', () => {
    const dir = temp();
    writeFileSync(join(dir, 'f'), 'hello', { mode: 0o600 });
    expect(readTrusted(join(dir, 'f'), { maxBytes: 100 })?.toString()).toBe('hello');
    expect(readTrusted(join(dir, 'none'), { maxBytes: 100 })).toBeUndefined();
  });

  it('refuses a symlink, a FIFO (without waiting for a writer), a too-open file and one over the cap, each in one line', () => {
    const dir = temp();
    writeFileSync(join(dir, 'real'), 'x', { mode: 0o600 });
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    writeFileSync(join(dir, 'open'), 'x', { mode: 0o644 });
    chmodSync(join(dir, 'open'), 0o644);
    writeFileSync(join(dir, 'big'), Buffer.alloc(2048), { mode: 0o600 });
    const why = (name: string, opts = {}) => {
      try {
        readTrusted(join(dir, name), { maxBytes: 1024, ...opts });
        return 'read';
      } catch (err) {
        expect(err).toBeInstanceOf(UntrustedFileError);
        expect((err as Error).message).not.toContain('\n');
        return (err as Error).message;
      }
    };
    expect(why('link')).toMatch(/is a symbolic link/);
    expect(why('fifo')).toMatch(/not a regular file/);
    expect(why('open')).toMatch(/open to group or others \(mode 0644\).*chmod 600/);
    expect(why('open', { forbiddenMode: 0o022 })).toBe('read'); // the config's rule: readable is tightened elsewhere
    expect(why('big')).toMatch(/is 2 KB, more than the 1 KB pgtui reads/);
  });

  it.runIf(ROOT_USER)("refuses another user's file", () => {
    const dir = temp();
    writeFileSync(join(dir, 'f'), 'x', { mode: 0o600 });
    chownSync(join(dir, 'f'), 65534, 65534);
    expect(() => readTrusted(join(dir, 'f'), { maxBytes: 10 })).toThrow(/owned by uid 65534, not by you/);
  });
});

describe('writeTrusted', () => {
  it('replaces a planted symlink instead of writing through it, mode 0600, no temp file left', () => {
    const dir = temp();
    const victim = join(temp(), 'victim');
    writeFileSync(victim, 'keep');
    symlinkSync(victim, join(dir, 'f'));
    writeTrusted(join(dir, 'f'), 'new');
    expect(readFileSync(victim, 'utf8')).toBe('keep');
    expect(lstatSync(join(dir, 'f')).isSymbolicLink()).toBe(false);
    expect(statSync(join(dir, 'f')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('new');
    expect(execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).trim().split('\n')).toEqual(['f']);
  });

  it('refuses a directory others may write or that is a symlink', () => {
    const dir = temp();
    mkdirSync(join(dir, 'shared'));
    chmodSync(join(dir, 'shared'), 0o777);
    expect(() => writeTrusted(join(dir, 'shared', 'f'), 'x')).toThrow(/writable by group or others/);
    symlinkSync(join(dir, 'shared'), join(dir, 'linked'));
    expect(untrustedDir(join(dir, 'linked'))).toMatch(/symbolic link/);
    expect(() => ensureTrustedDir(join(dir, 'linked'))).toThrow(UntrustedFileError);
  });
});

describe('seal', () => {
  it('gives the payload back only for the same key and intact bytes', () => {
    const payload = Buffer.from('a'.repeat(10_000));
    const sealed = seal(payload, 'bundle-1');
    expect(unseal(sealed, 'bundle-1')?.equals(payload)).toBe(true);
    expect(unseal(sealed, 'bundle-2')).toBeUndefined();
    const flipped = Buffer.from(sealed);
    flipped[5000] = flipped[5000]! ^ 1;
    expect(unseal(flipped, 'bundle-1')).toBeUndefined();
    expect(unseal(sealed.subarray(0, 4096), 'bundle-1')).toBeUndefined();
    expect(unseal(Buffer.alloc(0), 'bundle-1')).toBeUndefined();
  });

  it("checksum (the code cache's name and key) is 8 hex digits that change with any byte, and loads no node:crypto", () => {
    const bundle = Buffer.from('x'.repeat(100_000));
    expect(checksum(bundle)).toMatch(/^[0-9a-f]{8}$/);
    expect(checksum(bundle)).toBe(checksum(Buffer.from(bundle)));
    const edited = Buffer.from(bundle);
    edited[50_000] = 'y'.charCodeAt(0);
    expect(checksum(edited)).not.toBe(checksum(bundle));
    expect(checksum('/opt/a/dist/oneshot.cjs')).not.toBe(checksum('/opt/b/dist/oneshot.cjs'));
    // The launcher seals and names the cache with what dist/trusted-file.cjs exports; node:crypto stays unloaded.
    ensureBuilt();
    // (A file, not `node -e`: the -e mode loads node:crypto itself.)
    const probe = join(temp(), 'probe.cjs');
    writeFileSync(probe, `
      const t = require(${JSON.stringify(join(ROOT, 'dist/trusted-file.cjs'))});
      t.unseal(t.seal(Buffer.from('data'), 'k'), 'k'); t.checksum('x');
      process.stdout.write(String(process.moduleLoadList.some((m) => m === 'NativeModule crypto')));`);
    const loaded = execFileSync(process.execPath, [probe]).toString();
    expect(loaded).toBe('false');
  });

  it('nameHash separates its parts', () => {
    expect(nameHash('ch', 'x--y')).not.toBe(nameHash('ch--x', 'y'));
    expect(nameHash('a', 'bc')).not.toBe(nameHash('ab', 'c'));
  });
});
