import { execFileSync } from 'node:child_process';
import { bundleFake, configFor, startFake } from './lib.mjs';
const script = await bundleFake();
const fake = await startFake(script, 99);
const { env } = configFor(fake);
delete env.NODE_EXTRA_CA_CERTS;
const out = execFileSync('farm-bench', ['-n', '30', '--warmup', '3', '--timeout', '300', '--vs', `${process.execPath} /work/wt-bisect/bin/pgtui.js ls --json`, '--', process.execPath, '/work/main/bin/pgtui.js', 'ls', '--json'], { env, encoding: 'utf8' });
console.log(out);
process.exit(0);
