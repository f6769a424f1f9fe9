// Logins for the demo's seeded clusters in the local PostgreSQL, remembered as if pgtui had created them.
import type { Profile } from '../api/profile.js';
import { createProvider } from '../api/registry.js';
import { readClusterSecret, writeClusterSecret } from '../api/core/types.js';
import type { openConfig } from '../state/config.js';
import type { ProvisionedLogin } from '../fake/kit.js';
import type { LocalPostgres } from '../fake/local-postgres.js';

const DEMO_PASSWORD_LENGTH = 20;

export function demoPassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < DEMO_PASSWORD_LENGTH; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return `${out}1aA`;
}

/** Gives every seeded cluster (every one without a stored login) a login in the local PostgreSQL and remembers it, as if pgtui had created it. */
export async function provisionSeeded(profiles: Profile[], secrets: ReturnType<typeof openConfig>['secrets'], pg: LocalPostgres, sharedPassword: string): Promise<void> {
  // A role has one password, so clusters that share a user share its password. ClickHouse services all log in
  // as `postgres`, with the one password the ClickHouse fake hands out in the demo.
  const passwords = new Map<string, string>([['postgres', sharedPassword]]);
  const passwordOf = (user: string) => passwords.get(user) ?? passwords.set(user, demoPassword()).get(user)!;
  const logins = new Map<string, ProvisionedLogin>();
  await Promise.all(
    profiles.map(async (profile) => {
      const provider = createProvider(profile, { secrets });
      const clusters = await provider.list().then((l) => l.clusters, () => []);
      for (const cluster of clusters) {
        // Created in the demo before its PostgreSQL was up: its login came from the create and is kept.
        if (readClusterSecret(secrets, cluster)?.password) continue;
        const info = provider.connection(cluster);
        const user = info.user ?? 'demo';
        const database = info.database || 'postgres';
        const password = passwordOf(user);
        writeClusterSecret(secrets, cluster, { user, password, database });
        logins.set(`${user}\u0000${database}`, { user, password, database });
      }
    }),
  );
  await pg.ensureLogins([...logins.values()]);
}
