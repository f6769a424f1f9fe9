// Profiles, settings and per-cluster secrets on disk.
//
// Not `conf`: conf keeps the file in memory and writes it back whole, so two pgtui processes saving different
// profiles would lose one; and its schema costs 80–90 ms at start-up. Instead every change is a locked
// read-modify-write of a small JSON file, replaced atomically with mode 0600 in a 0700 directory.
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Profile } from '../api/profile.js';
import { ApiError } from '../api/core/errors.js';
import type { Identity, SecretStore } from '../api/core/types.js';
import { DEFAULT_SETTINGS, type ProfilesApi, type Settings } from './types.js';
import { backupBroken, ensureDir, readText, withLock, writeAtomic } from './config-file.js';
import { profilesFromEnv } from './env-profiles.js';
import { configSchema, firstIssue, secretsSchema, type ConfigFile, type SecretsFile } from './config-schema.js';
import { checkConfigDir } from './config-perms.js';
import { moduleFor } from '../api/registry.js';

export const CONFIG_VERSION = 1;

export interface Config extends ProfilesApi {
  readonly dir: string;
  readonly path: string;
  /** One line each: what was wrong with the files and where the broken copy was kept. */
  readonly problems: string[];
  /** The line saying config.json could not be used, if so: one-shot commands stop on it, the TUI shows it. */
  unreadable(): string | undefined;
  /** Reads secrets.json if not yet read; the line saying it could not be used (stored logins are missing), if so. */
  secretsProblem(): string | undefined;
  settings(): Settings;
  saveSettings(partial: Partial<Settings>): void;
  /** diagnose.thresholds from config.json, as validated (docs/diagnose.md). */
  diagnoseThresholds?(): Record<string, unknown> | undefined;
  secrets: SecretStore;
}

export interface OpenConfigOptions {
  dir?: string;
  env?: NodeJS.ProcessEnv;
  verify?: (profile: Profile, signal?: AbortSignal) => Promise<Identity>;
}

/** The user's home: HOME when it is an absolute path (a relative one is ignored, like the XDG variables), else the account's. */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOME && isAbsolute(env.HOME)) return env.HOME;
  try {
    return userInfo().homedir;
  } catch {
    return homedir();
  }
}

/** A path as messages print it: under HOME it starts with ~. */
export function showPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const home = homeDir(env).replace(/\/+$/, '');
  return home && home !== '/' && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/** $PGTUI_CONFIG_DIR, else $XDG_CONFIG_HOME/pgtui (only an absolute one, as the XDG spec says), else ~/.config/pgtui. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PGTUI_CONFIG_DIR) return env.PGTUI_CONFIG_DIR;
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeDir(env), '.config');
  return join(base, 'pgtui');
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** JSON text → a checked object; `reason` says what is wrong, starting with the first bad path when there is one. */
function parseFile<T>(text: string | undefined, empty: () => T, check: (raw: Record<string, unknown>) => Parsed<T>): Parsed<T> {
  if (text === undefined) return { ok: true, value: empty() };
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' };
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > CONFIG_VERSION) return { ok: false, reason: `written by a newer pgtui (version ${version}; this one reads ${CONFIG_VERSION})` };
  return check(raw as Record<string, unknown>);
}

/**
 * Each file is read once a run: zod's compiled object parsers (built with `new Function` on a schema's first
 * parse, never in V8's code cache) would cost more than they save, ~2 ms of every start (docs/startup.md).
 */
const ONCE = { jitless: true } as const;

function parseConfig(text: string | undefined): Parsed<ConfigFile> {
  return parseFile<ConfigFile>(text, () => ({ version: CONFIG_VERSION, profiles: [], settings: {} }), (raw) => {
    const r = configSchema.safeParse(raw, ONCE);
    if (!r.success) return { ok: false, reason: firstIssue(r.error, raw) };
    return { ok: true, value: { ...r.data, version: CONFIG_VERSION, profiles: r.data.profiles as unknown as Profile[], settings: r.data.settings as Partial<Settings> } };
  });
}

function parseSecrets(text: string | undefined): Parsed<SecretsFile> {
  return parseFile<SecretsFile>(text, () => ({ version: 1, clusters: {} }), (raw) => {
    const r = secretsSchema.safeParse(raw, ONCE);
    if (!r.success) return { ok: false, reason: firstIssue(r.error, raw) };
    return { ok: true, value: { version: 1, clusters: { ...r.data.clusters } } };
  });
}

export function openConfig(opts: OpenConfigOptions = {}): Config {
  const env = opts.env ?? process.env;
  const dir = opts.dir ?? configDir(env);
  const path = join(dir, 'config.json');
  const secretsPath = join(dir, 'secrets.json');
  const show = (p: string) => showPath(p, env);
  // Before anything is read: refuse a directory someone else could have written, tighten one others can read.
  checkConfigDir(dir, show);
  const problems: string[] = [];
  let unreadable: string | undefined;
  let secretsProblem: string | undefined;
  /** Broken files are backed up once and then left alone: nothing overwrites them silently. */
  const broken = new Set<string>();

  const load = (): ConfigFile => {
    const parsed = parseConfig(readText(path, show));
    if (parsed.ok) return parsed.value;
    if (!broken.has(path)) {
      broken.add(path);
      const backup = backupBroken(path);
      unreadable = `${show(path)}: ${parsed.reason} (a copy is kept at ${show(backup)}); fix or remove the file`;
      problems.push(`${show(path)}: ${parsed.reason}; kept a copy at ${show(backup)} and started with no saved profiles`);
    }
    return { version: CONFIG_VERSION, profiles: [], settings: {} };
  };
  let current = load();
  const refuse = () => new ApiError(`config file ${show(path)} is unreadable or from a newer pgtui (see the copy next to it); fix or remove it before saving`, { kind: 'config' });

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

  const secretsBroken = (reason: string) => {
    broken.add(secretsPath);
    secretsProblem = `secrets file ${show(secretsPath)}: ${reason}; kept a copy at ${show(backupBroken(secretsPath))}`;
    problems.push(secretsProblem);
  };
  let secretCache: SecretsFile | undefined;
  const secretsFile = (): SecretsFile => {
    if (!secretCache) {
      let text: string | undefined;
      try {
        text = readText(secretsPath, show);
      } catch (err) {
        // Too big or not trusted: nothing from it is used, and it stays as it is (writes refuse too, below).
        secretsProblem = err instanceof Error ? err.message : String(err);
        problems.push(secretsProblem);
        secretCache = { version: 1, clusters: {} };
        return secretCache;
      }
      const parsed = parseSecrets(text);
      if (parsed.ok) secretCache = parsed.value;
      else {
        if (!broken.has(secretsPath)) secretsBroken(parsed.reason);
        secretCache = { version: 1, clusters: {} };
      }
    }
    return secretCache;
  };
  const changeSecrets = (change: (file: SecretsFile) => void) => {
    withLock(secretsPath, () => {
      const parsed = parseSecrets(readText(secretsPath, show));
      // Starting afresh loses nothing: the old bytes stay in the backup, and the problem is reported.
      if (!parsed.ok && !broken.has(secretsPath)) secretsBroken(parsed.reason);
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
    unreadable: () => unreadable,
    secretsProblem() {
      secretsFile();
      return secretsProblem;
    },
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
      const refusal = moduleFor(profile.kind).refusal?.(profile);
      if (refusal) throw new ApiError(refusal, { kind: 'config' });
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
    diagnoseThresholds: () => (current.diagnose as { thresholds?: Record<string, unknown> } | undefined)?.thresholds,
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
