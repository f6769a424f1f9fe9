// Child process for config.test.ts, bundled with esbuild. Usage: saver <dir> loop | saver <dir> many <prefix> <count>
// In loop mode it prints "ready" once the big profile is saved, then "saved" after every further completed save, so
// the test can kill it between events it has seen rather than after a guessed time.
import { openConfig } from '../../../src/state/config.js';
import type { Profile } from '../../../src/api/profile.js';

export const small: Profile = { name: 'p', kind: 'ionos-v2', token: 'small', endpoints: { 'de/txl': 'https://a' } };
export const big: Profile = {
  name: 'p', kind: 'ionos-v2', token: 'big',
  endpoints: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`loc/${i}`, `https://${String(i).repeat(400)}`])),
};

async function main(): Promise<void> {
  const [dir, mode, prefix = 'x', count = '20'] = process.argv.slice(2);
  const cfg = openConfig({ dir, env: {} });
  if (mode === 'loop') {
    await cfg.save(big);
    process.stdout.write('ready\n');
    for (let i = 0; ; i++) {
      await cfg.save(i % 2 ? big : small);
      process.stdout.write('saved\n');
    }
  }
  for (let i = 0; i < Number(count); i++) await cfg.save({ name: `${prefix}-${i}`, kind: 'clickhouse', keyId: `k${i}`, keySecret: `s${i}` });
}

if (process.argv[1]?.endsWith('saver.mjs')) await main();
