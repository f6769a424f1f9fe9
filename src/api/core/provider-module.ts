// The one interface a provider implements to exist in pgtui: everything about it lives behind this, in its own
// folder (src/api/<kind>/module.ts), and src/api/modules.ts lists the modules. Every kinds list, the Profile
// union, the config schema, the profile form, env profiles and `profile add` options are derived from that
// list (docs/ARCHITECTURE.md "Adding a provider").
import type * as z from 'zod';
import type { ProfileCommon, ProviderDeps } from './profile-common.js';
import type { FieldSpec, FormValues, Identity, Provider } from './types.js';
import type { FileExists } from './profile-kit.js';
import type { RatePolicy } from './budget-profile.js';

/** Any provider's profile: the common fields and its own `kind`. */
export interface ProfileBase extends ProfileCommon {
  kind: string;
}

/** The profile form of one provider; the generic form runner (screens/Profiles.tsx) adds name and read-only. */
export interface ProfileForm<P extends ProfileBase> {
  /** The fields between "Profile name" and "Read-only"; `editing` is the saved profile when editing. */
  fields(editing: P | undefined): FieldSpec[];
  /** zod rules over the form values (the name rule is added by the runner). */
  rules(editing: P | undefined, fileExists: FileExists): z.ZodType;
  /** The starting values for editing `p` (secret fields start blank). */
  values(p: P): FormValues;
  /** The profile to save; `common` holds name, readOnly and what the form does not show; `previous` is the saved one. */
  profile(v: FormValues, common: ProfileCommon, previous: P | undefined): P;
  /** Fields shown with a red warning while on (PGO's insecure flag). */
  danger?: Readonly<Record<string, string>>;
  /**
   * What to type into a new profile's form to reach the same API as `p`, secrets included (the demo's profiles
   * screen shows it for its fakes). Default: `values(p)` plus the secrets.
   */
  typedValues?(p: P): FormValues;
}

/** One `pgtui profile add` option; options several providers declare are merged by flag. */
export interface CliOption {
  /** commander flags, e.g. '--key-id <id>' or '--password-stdin'. */
  flags: string;
  description: string;
  defaultValue?: string;
}

/** What `profile add` hands a provider's builder. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  /** The secret from standard input (never from argv). */
  readStdin(): Promise<string>;
  /** A usage error ("missing --key-id"): the command exits with the usage code. */
  usage(message: string): never;
}

/** What env profiles may read besides the environment (PGO's ~/.pgouser). */
export interface EnvIo {
  home: string;
  read(path: string): string;
}

export interface ProviderModule<P extends ProfileBase = ProfileBase> {
  readonly kind: P['kind'];
  /** "IONOS v2": shown in lists, titles and messages. */
  readonly label: string;
  /** The saved profile as config.json holds it: a loose zod object with `kind: z.literal(kind)`. */
  readonly schema: z.ZodObject<{ kind: z.ZodLiteral<P['kind']> } & z.ZodRawShape>;
  /** The API URL a profile without one uses ('' when there is none, e.g. PGO). */
  readonly defaultApiUrl: string;
  /** What `profile list` shows as the profile's URL. */
  urlOf(p: P): string;
  /** Profile fields holding secrets: shown masked ("•••••••• saved") in the edit form. */
  readonly secretFields: readonly string[];
  /** Marked INSECURE in red (skips certificate checks or sends the login in clear). */
  insecure?(p: P): boolean;
  /** The login travels over plain http (shown in `profile list`). */
  plainHttp?(p: P): boolean;
  /** Why this profile may not be saved or used as it is (one line), or undefined. */
  refusal?(p: P): string | undefined;
  /** The warning `profile add` prints after saving, e.g. "its PGO login travels in clear over plain http". */
  saveWarning?(p: P): string | undefined;
  readonly form: ProfileForm<P>;
  /** Profiles from the ecosystem's own environment variables (docs/profiles.md), named env-*. */
  fromEnv?(env: NodeJS.ProcessEnv, io: EnvIo): P[];
  /** The variables `fromEnv` reads, in one line for the first-run screen ("IONOS_TOKEN, or IONOS_USERNAME + …"). */
  readonly envHint?: string;
  readonly cli: { readonly options: readonly CliOption[]; build(name: string, o: Record<string, unknown>, io: CliIo): Promise<P> };
  /** The request budget of one credential (docs/polling-store.md): limits, who throttles, what shares it. */
  readonly rate: RatePolicy<P>;
  /** The client. Errors it throws are named with the profile by the registry (src/api/registry.ts). */
  create(profile: P, deps: ProviderDeps): Provider;
  /** One line: how to get pg_stat_statements on this provider's clusters (`pgtui statements`, docs/postgres.md). */
  readonly pgStatStatementsHint?: string;
  /** What a verify discovered that the saved profile keeps (ClickHouse's organization id). */
  afterVerify?(p: P, identity: Identity): P;
  /**
   * The same change as a command line of the provider's own tool (`ionosctl …`, `pgo …`), where it has one and
   * every changed field has a flag; undefined otherwise (the plan then offers its curl line). docs/plans.md.
   */
  tool?(change: ToolChange<P>): string | undefined;
}

/** What a plan hands a module's `tool`: the operation (a Provider method name), the cluster and the new values. */
export interface ToolChange<P extends ProfileBase = ProfileBase> {
  operation: string;
  profile: P;
  cluster: { id?: string; name: string; location?: string };
  changes: ReadonlyArray<{ key: string; to: string }>;
}

/** Single-quoted for POSIX shells, unless it needs no quoting. */
export const shellArg = (s: string): string => (/^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

