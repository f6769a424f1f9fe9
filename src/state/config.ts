// Profiles, settings and per-cluster secrets on disk.
//
// Not `conf`: conf keeps the file in memory and writes it back whole, so two pgtui processes saving different
// profiles would lose one; and its schema costs 80–90 ms at start-up. Instead every change is a locked
// read-modify-write of a small JSON file, replaced atomically with mode 0600 in a 0700 directory.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../api/profile.js';
import { ApiError } from '../api/errors.js';
import type { Identity, ProviderKind, SecretStore } from '../api/types.js';
import { DEFAULT_SETTINGS, type ProfilesApi, type Settings } from './types.js';
import { backupBroken, ensureDir, readText, withLock, writeAtomic } from './config-file.js';
import { profilesFromEnv } from './env-profiles.js';

export const CONFIG_VERSION = 1;
const KINDS: readonly ProviderKind[] = ['ionos-v1', 'ionos-v2', 'clickhouse', 'pgo'];

interface ConfigFile {
  version: number;
  profiles: Profile[];
  settings: Partial<Settings>;
  [extra: string]: unknown;
}

interface SecretsFile {
  version: number;
  clusters: Record<string, string>;
}

export interface Config extends ProfilesApi {
  readonly dir: string;
  readonly path: string;
  /** One line each: what was wrong with the files and where the broken copy was kept. */
  readonly problems: string[];
  settings(): Settings;
  saveSettings(partial: Partial<Settings>): void;
  secrets: SecretStore;
}

export interface OpenConfigOptions {
  dir?: string;
  env?: NodeJS.ProcessEnv;
  verify?: (profile: Profile, signal?: AbortSignal) => Promise<Identity>;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PGTUI_CONFIG_DIR) return env.PGTUI_CONFIG_DIR;
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'pgtui');
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parseConfig(text: string | undefined): Parsed<ConfigFile> {
  if (text === undefined) return { ok: true, value: { version: CONFIG_VERSION, profiles: [], settings: {} } };
  if (text.trim() === '') return { ok: false, reason: 'is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'is not a JSON object' };
  const obj = raw as Record<string, unknown>;
  const version = typeof obj.version === 'number' ? obj.version : 1;
  if (version > CONFIG_VERSION) return { ok: false, reason: `was written by a newer pgtui (version ${version}; this one reads ${CONFIG_VERSION})` };
  const profiles = obj.profiles ?? [];
  if (!Array.isArray(profiles)) return { ok: false, reason: '"profiles" is not a list' };
  for (const [i, p] of profiles.entries()) {
    const prof = p as Partial<Profile> | null;
    if (!prof || typeof prof !== 'object' || typeof prof.name !== 'string' || !prof.name) return { ok: false, reason: `profile #${i + 1} has no name` };
    if (!KINDS.includes(prof.kind as ProviderKind)) return { ok: false, reason: `profile "${prof.name}" has an unknown provider "${String(prof.kind)}"` };
  }
  const settings = obj.settings && typeof obj.settings === 'object' ? (obj.settings as Partial<Settings>) : {};
  return { ok: true, value: { ...obj, version: CONFIG_VERSION, profiles: profiles as Profile[], settings } };
}

function parseSecrets(text: string | undefined): Parsed<SecretsFile> {
  if (text === undefined) return { ok: true, value: { version: 1, clusters: {} } };
  try {
    const raw = JSON.parse(text) as Partial<SecretsFile>;
    if (raw && typeof raw.clusters === 'object' && raw.clusters) return { ok: true, value: { version: 1, clusters: { ...raw.clusters } } };
  } catch {
    // fall through
  }
  return { ok: false, reason: 'is not a valid secrets file' };
}

export function openConfig(opts: OpenConfigOptions = {}): Config {
  const env = opts.env ?? process.env;
  const dir = opts.dir ?? configDir(env);
  const path = join(dir, 'config.json');
  const secretsPath = join(dir, 'secrets.json');
  const problems: string[] = [];
  /** Broken files are backed up once and then left alone: nothing overwrites them silently. */
  const broken = new Set<string>();

  const load = (): ConfigFile => {
    const parsed = parseConfig(readText(path));
    if (parsed.ok) return parsed.value;
    if (!broken.has(path)) {
      broken.add(path);
      const backup = backupBroken(path);
      problems.push(`config file ${path} ${parsed.reason}; kept a copy at ${backup} and started with no saved profiles`);
    }
    return { version: CONFIG_VERSION, profiles: [], settings: {} };
  };
  let current = load();
  const refuse = () => new ApiError(`config file ${path} is unreadable or from a newer pgtui (see the backup next to it); fix or remove it before saving`, { kind: 'config' });

  const update = (change: (file: ConfigFile) => void): void => {
    if (broken.has(path)) throw refuse();
    withLock(path, () => {
      // Read again under the lock: another pgtui (maybe a newer one) may have written it since we opened it.
      const file = load();
      if (broken.has(path)) throw refuse();
      change(file);
      writeAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
      current = file;
    });
  };

  let secretCache: SecretsFile | undefined;
  const secretsFile = (): SecretsFile => {
    if (!secretCache) {
      const parsed = parseSecrets(readText(secretsPath));
      if (parsed.ok) secretCache = parsed.value;
      else {
        if (!broken.has(secretsPath)) {
          broken.add(secretsPath);
          problems.push(`secrets file ${secretsPath} ${parsed.reason}; kept a copy at ${backupBroken(secretsPath)}`);
        }
        secretCache = { version: 1, clusters: {} };
      }
    }
    return secretCache;
  };
  const changeSecrets = (change: (file: SecretsFile) => void) => {
    withLock(secretsPath, () => {
      const parsed = parseSecrets(readText(secretsPath));
      if (!parsed.ok && !broken.has(secretsPath)) {
        // Starting afresh loses nothing: the old bytes stay in the backup, and the problem is reported.
        broken.add(secretsPath);
        problems.push(`secrets file ${secretsPath} ${parsed.reason}; kept a copy at ${backupBroken(secretsPath)}`);
      }
      const file = parsed.ok ? parsed.value : { version: 1, clusters: {} };
      change(file);
      writeAtomic(secretsPath, `${JSON.stringify(file, null, 2)}\n`);
      secretCache = file;
    });
  };

  const envProfiles = () => profilesFromEnv(env);

  const config: Config = {
    dir,
    path,
    problems,
    list() {
      const fileProfiles = current.profiles;
      const names = new Set(fileProfiles.map((p) => p.name));
      return [...fileProfiles.map((p) => ({ ...p, source: p.source ?? ('file' as const) })), ...envProfiles().filter((p) => !names.has(p.name))];
    },
    async verify(profile, signal) {
      if (!opts.verify) throw new ApiError('no way to verify credentials was configured', { kind: 'config' });
      return opts.verify(profile, signal);
    },
    async save(profile) {
      if (profile.source === 'env') throw new ApiError(`profile ${profile.name} comes from environment variables; change them instead`, { kind: 'config' });
      if (!/^[\w.@-]{1,64}$/.test(profile.name)) throw new ApiError('a profile name is 1–64 letters, digits, "-", "_", "." or "@"', { kind: 'validation' });
      if (opts.verify) await opts.verify(profile);
      ensureDir(dir);
      update((file) => {
        file.profiles = [...file.profiles.filter((p) => p.name !== profile.name), { ...profile }];
      });
    },
    async remove(name) {
      if (!current.profiles.some((p) => p.name === name)) {
        if (envProfiles().some((p) => p.name === name)) throw new ApiError(`profile ${name} comes from environment variables; unset them instead`, { kind: 'config' });
        throw new ApiError(`no profile named ${name}`, { kind: 'not-found' });
      }
      update((file) => {
        file.profiles = file.profiles.filter((p) => p.name !== name);
      });
      changeSecrets((file) => {
        for (const key of Object.keys(file.clusters)) if (key.startsWith(`${name}/`)) delete file.clusters[key];
      });
    },
    settings() {
      const merged = { ...DEFAULT_SETTINGS, ...current.settings };
      return { ...merged, refreshSeconds: Math.max(2, Number(merged.refreshSeconds) || DEFAULT_SETTINGS.refreshSeconds) };
    },
    saveSettings(partial) {
      update((file) => {
        file.settings = { ...file.settings, ...partial };
      });
    },
    secrets: {
      get: (key) => secretsFile().clusters[key],
      set: (key, value) => changeSecrets((file) => void (file.clusters[key] = value)),
      delete: (key) => changeSecrets((file) => void delete file.clusters[key]),
    },
  };
  return config;
}
