// Profiles that come from each ecosystem's own environment variables, so a user who already has them set
// sees their clusters with no login at all (docs/profiles.md). Each provider module reads its own variables.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Profile } from '../api/profile.js';
import { providerModules } from '../api/registry.js';

export function profilesFromEnv(env: NodeJS.ProcessEnv, home = homedir(), read: (p: string) => string = (p) => readFileSync(p, 'utf8')): Profile[] {
  return providerModules().flatMap((m) => (m.fromEnv?.(env, { home, read }) ?? []) as Profile[]);
}
