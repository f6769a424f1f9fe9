// The fakes stand on their own: they take no values from the clients, the registry or the config (only the wire
// shapes as types), and only the demo's composition root (src/demo) reaches into them from the app.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every `import … from '…'` / `export … from '…'` / `import('…')` with whether it is type-only. */
function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(/^(import|export)(\s+type)?\b[^;]*?\sfrom\s+'([^']+)'/gms)) out.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

describe('layers around the fakes', () => {
  it('src/fake imports no values from the clients, the registry, the config or the UI', () => {
    const offending: string[] = [];
    for (const file of files(join(SRC, 'fake'))) {
      for (const { spec, typeOnly } of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, join(file, '..', spec));
        if (target.startsWith('fake/') || target === 'lifecycle.js') continue;
        if (typeOnly && target.startsWith('api/')) continue;
        // The demo's local PostgreSQL is set up through node-postgres (src/pg/driver.ts; docs/postgres.md), as psql is not always there.
        if (target === 'pg/driver.js') continue;
        offending.push(`${relative(SRC, file)} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('outside src/fake, only src/demo imports the fakes', () => {
    const importers = files(SRC)
      .filter((f) => !relative(SRC, f).startsWith('fake/'))
      .filter((f) => imports(f).some(({ spec }) => spec.startsWith('.') && relative(SRC, join(f, '..', spec)).startsWith('fake/')))
      .map((f) => relative(SRC, f).split('/')[0]);
    expect(new Set(importers)).toEqual(new Set(['demo']));
  });
});
