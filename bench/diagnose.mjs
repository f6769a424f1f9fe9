// node bench/diagnose.mjs [tables] [runs]: `pgtui diagnose`'s Postgres checks on a throwaway PostgreSQL with
// 1,000 tables (target: 3 s). Needs the PostgreSQL server binaries (src/fake/local-postgres.ts finds them).
// node bench/diagnose.mjs --all: `diagnose --all` over the demo, with the 429s each fake answered (target: 0).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './lib.mjs';

delete process.env.NODE_EXTRA_CA_CERTS;
const all = process.argv.includes('--all');
const outfile = join(ROOT, `bench/.cache/${all ? 'diagnose-fleet' : 'diagnose-run'}.mjs`);
await build({ entryPoints: [join(ROOT, `bench/${all ? 'diagnose-fleet' : 'diagnose-run'}.ts`)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' } });
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2).filter((a) => a !== '--all')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
