// Bad input at the two places a user types it: every field of every provider's create form (the form spec
// loaded from that provider's fake, checked by its pure validate()), and the one-shot command's arguments.
// A bad value must be refused with one short line keyed to the field it concerns, never echoing control
// characters; a value the provider's API documents as fine must be accepted. What "documented" means per
// field is in the plans below, with the source (docs/ionos.md, the spec copies in test/contract/specs/) beside each rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider } from '../../src/api/registry.js';
import { memorySecretStore, type FieldErrors, type FieldSpec, type FormSpec, type FormValues } from '../../src/api/core/types.js';
import { initialValues, isVisible } from '../../src/forms/fields.js';
import { EXIT } from '../../src/commands/exit-codes.js';
import { cleanEnv, configWith, ensureBuilt, runCli, type Run } from '../cli/helpers.js';
import { clickhouseRig, ionosV1Rig, ionosV2Rig, pgoRig, Tally, type Rig } from './rigs.js';

const tally = new Tally();
afterAll(() => {
  console.log(tally.line('reliability/bad-input'));
});

// ---------------------------------------------------------------------------------------------------------
// The bad values
// ---------------------------------------------------------------------------------------------------------

const CONTROL = [
  ['a BEL inside', 'abc\u0007def'],
  ['a newline', 'a\nb'],
  ['an ANSI colour escape', '\u001b[31mred'],
  ['a tab', 'tab\there'],
] as const;

const UNICODE = [
  ['a Latin letter with a diaeresis', 'naïve-db'],
  ['CJK', '数据库'],
  ['an emoji', '🐘db'],
  ['right-to-left Arabic', 'قاعدة'],
] as const;

const BAD_INTS = [
  ['letters', 'abc'],
  ['a fraction', '1.5'],
  ['a negative number', '-1'],
  ['exponent notation', '1e3'],
  ['surrounding spaces', ' 12 '],
  ['twenty digits', '99999999999999999999'],
  ['a plus sign', '+3'],
  ['hexadecimal', '0x10'],
  ['full-width digits', '１２'],
] as const;

const UUID = '5a029f4a-72e5-11ec-90d6-0242ac120003';
 
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;

/** What pgtui should do with one value in one field. */
interface Case {
  what: string;
  value: string;
  expect: 'reject' | 'accept';
  /** Why the expectation holds, when it is not obvious (a doc reference). */
  why?: string;
}

interface Plan {
  label: string;
  rig: () => Promise<Rig>;
  /** Valid values for the required fields (and anything else the baseline needs), over initialValues(spec). */
  baseline(spec: FormSpec): FormValues;
  /** Fills what the field under test needs around it once its showWhen chain is set (a source for a restore...). */
  complete?(values: FormValues, field: FieldSpec, spec: FormSpec): FormValues;
  /** Text fields the API documents as free text: unicode is accepted there. Every other text field has a pattern. */
  freeText: string[];
  /** Documented ranges of the int fields: one outside each end is refused. */
  ranges: Record<string, readonly [number, number]>;
  /** A long value that is valid in every way but its length (so the length rule itself is what refuses it). */
  long?: Record<string, (n: number) => string>;
  /** A valid value of a secret field with `u` inside, to check secrets do not refuse non-ASCII. */
  secretWith?: (u: string) => string;
  /** Field-specific bad values beyond the common ones. */
  extra?: Record<string, Case[]>;
  /** Field-specific values that look odd but are valid per the docs (asserted accepted). */
  fine?: Record<string, Case[]>;
}

const reject = (what: string, value: string, why?: string): Case => ({ what, value, expect: 'reject', why });
const accept = (what: string, value: string, why?: string): Case => ({ what, value, expect: 'accept', why });

/** A recent past time the ClickHouse restore accepts (≤ now, RFC 3339 UTC without fraction). */
const recentUtc = () => new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---------------------------------------------------------------------------------------------------------
// Per provider: what the API documents
// ---------------------------------------------------------------------------------------------------------

const PLANS: Plan[] = [
  {
    label: 'ClickHouse',
    rig: () => clickhouseRig(5),
    baseline: () => ({ name: 'bad input test' }),
    complete(v, _f, spec) {
      const out = { ...v };
      const source = spec.fields.find((f) => f.key === 'source')?.choices?.[0]?.value;
      if (out.mode === 'restore' || out.mode === 'replica') out.source ||= source ?? '';
      if (out.mode === 'restore') out.restoreTarget ||= recentUtc();
      return out;
    },
    // pgNameProperty: "Alphanumerical string with whitespaces up to 50 characters" (NAME_PATTERN is ASCII);
    // tags: key 1–128 and value ≤256 of ^[a-zA-Z0-9._-]+$ (test/contract/specs/clickhouse-cloud-postgres-openapi.json). No free-text field on this form.
    freeText: [],
    ranges: {},
    long: { name: (n) => 'a'.repeat(n) },
    extra: {
      name: [reject('an otherwise valid name with ï', 'naïve db'), reject('full-width letters', 'ｄｂ'), reject('51 characters', 'a'.repeat(51), 'pgNameProperty maxLength 50')],
      tags: [
        reject('a control character in a value', 'env=pr\u0007od'),
        reject('a 129-character key', `${'k'.repeat(129)}=v`, 'tag key 1–128'),
        reject('a 257-character value', `k=${'v'.repeat(257)}`, 'tag value ≤256'),
        reject('51 tags', Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(','), 'pgTags maxItems 50'),
        reject('a reserved chc_ key', 'chc_owner=me', 'keys starting with chc_ are reserved'),
      ],
      restoreTarget: [reject('not a time', 'yesterday'), reject('in the future', '2999-01-01T00:00:00Z')],
    },
    fine: {
      name: [accept('spaces inside', 'my postgres', 'the spec example "my postgres"')],
      tags: [accept('a documented tag list', 'env=prod,tier=1.2_a-b'), accept('a 128-character key', `${'k'.repeat(128)}=v`)],
    },
  },
  {
    label: 'PGO',
    rig: () => pgoRig(5),
    baseline: () => ({ name: 'bad-input' }),
    // Name: a Kubernetes name, a DNS-1035 label (CreateClusterRequest.Name in test/contract/specs/crunchy-pgo-4.3-apiserver.json), so ASCII only; username and database
    // are PostgreSQL identifiers as pgtui checks them; cpu/memory/pvcSize are Kubernetes quantities.
    freeText: [],
    // ReplicaCount int ≥ 0 (test/contract/specs/crunchy-pgo-4.3-apiserver.json); 20 is pgtui's own upper bound.
    ranges: { replicas: [0, 20] },
    long: { name: (n) => 'a'.repeat(n), username: (n) => 'u'.repeat(n), database: (n) => 'd'.repeat(n), password: (n) => 'p'.repeat(n) },
    // The apiserver takes any Password string; pgtui only refuses spaces, control characters and >128.
    secretWith: (u) => `pw-${u}-42`,
    extra: {
      name: [reject('upper case', 'Hippo', 'DNS-1035: lower case'), reject('starts with a digit', '1hippo'), reject('the reserved name all', 'all'), reject('64 characters', 'a'.repeat(64))],
      cpu: [reject('zero', '0'), reject('a bad suffix', '1Gb')],
      memory: [reject('a negative quantity', '-1Gi')],
      pvcSize: [reject('a unit typo', '10GB')],
      password: [reject('a space', 'pass word')],
    },
    fine: {
      cpu: [accept('millicores', '250m')],
      name: [accept('63 characters', 'a'.repeat(63))],
    },
  },
  {
    label: 'IONOS v1',
    rig: () => ionosV1Rig(5),
    baseline: () => ({
      displayName: 'bad input test', datacenterId: UUID, lanId: '2', cidr: '192.168.1.100/24', username: 'dbuser', password: 'Secret-password-1',
    }),
    complete(v, f) {
      return f.key === 'recoveryTargetTime' ? { ...v, fromBackupId: UUID } : v;
    },
    // displayName: "The friendly name of your cluster", type string, no pattern (docs/ionos.md §3.3, v1 spec
    // DisplayName; the spec example is "PostgreSQL cluster"): free text, so unicode is accepted; pgtui keeps
    // its 63-character limit and refuses control characters.
    freeText: ['displayName'],
    // instances 1–5, ram min 2048 multipleOf 1024, storageSize 2048–2097152 (docs/ionos.md §3.3); cores ≥1 with
    // ionosctl's 62, ram's upper bound 240 GB as ionosctl's.
    ranges: { instances: [1, 5], cores: [1, 62], ram: [2048, 245_760], storageSize: [2048, 2_097_152] },
    long: { displayName: (n) => 'a'.repeat(n), username: (n) => 'u'.repeat(n), password: (n) => `Aa1@${'a'.repeat(n - 4)}` },
    // DBUser.password: string, minLength 10; no charset rule (v1 spec 1.0.5).
    secretWith: (u) => `Secret-${u}-42x`,
    extra: {
      ram: [reject('not a multiple of 1024', '3000', 'ram multipleOf 1024'), reject('one step over the top', '246784')],
      username: [reject('a reserved name', 'postgres', 'restricted: postgres, admin, standby'), reject('a reserved name in capitals', 'Admin')],
      password: [reject('9 characters', 'abcdefghi', 'minLength 10')],
      synchronizationMode: [reject('the deprecated SYNCHRONOUS', 'SYNCHRONOUS', 'rejected on create (docs/ionos.md §3.3)')],
      cidr: [reject('an octet over 255', '192.168.1.300/24'), reject('no prefix', '192.168.1.100')],
      maintenanceTime: [reject('25 o\'clock', '25:00:00')],
      displayName: [reject('only spaces', '   '), reject('64 characters', 'a'.repeat(64))],
    },
    fine: {
      displayName: [accept('the spec example', 'PostgreSQL cluster'), accept('63 characters', 'a'.repeat(63))],
    },
  },
  {
    label: 'IONOS v2',
    rig: () => ionosV2Rig(5),
    baseline: () => ({
      name: 'bad-input', datacenterId: UUID, lanId: '2', primaryInstanceAddress: '192.168.1.100/24', username: 'dbuser', password: 'Passw0rd!x', database: 'appdb',
    }),
    // name: ≤63, [a-zA-Z0-9] at both ends, -_. between (docs/ionos.md §4.4) — ASCII only. description: "string",
    // optional, no pattern — free text, so unicode is accepted; pgtui refuses control characters and caps it at 255.
    freeText: ['description'],
    // ionosctl's limits (docs/ionos.md §4.4): count 1–5, cores 1–62, ram 4–240 GB, storage 10–4096 GB; retention 1–35 days.
    ranges: { instances: [1, 5], cores: [1, 62], ram: [4, 240], storageSize: [10, 4096], retentionDays: [1, 35] },
    long: {
      name: (n) => 'a'.repeat(n), description: (n) => 'd'.repeat(n), username: (n) => 'u'.repeat(n), database: (n) => 'd'.repeat(n),
      password: (n) => `Aa1@${'a'.repeat(n - 4)}`,
    },
    // PostgresUser.password: ≥8 with a lower, an upper, a digit and one of @$!%*?& (docs/ionos.md §4.4); other characters are not ruled out.
    secretWith: (u) => `Aa1@${u}zzzz`,
    extra: {
      name: [reject('ends with -', 'bad-'), reject('64 characters', 'a'.repeat(64)), reject('a space', 'bad name')],
      username: [reject('17 characters', 'u'.repeat(17), 'username ≤16'), reject('a dash', 'db-user', '[A-Za-z0-9_]')],
      database: [reject('64 characters', 'd'.repeat(64), 'database ≤63')],
      password: [reject('no special character', 'Passw0rdxx'), reject('7 characters', 'Pa1@xyz')],
      replicationMode: [reject('STRICTLY_SYNCHRONOUS with 1 instance', 'STRICTLY_SYNCHRONOUS', 'needs at least 3 instances')],
      primaryInstanceAddress: [reject('the reserved 10.208.0.0/12', '10.208.1.5/24')],
      description: [reject('256 characters', 'd'.repeat(256))],
    },
    fine: {
      description: [accept('punctuation and spaces', 'Production PostgreSQL cluster (team: db, #1)', 'the reference example'), accept('255 characters', 'd'.repeat(255))],
      name: [accept('dots and underscores inside', 'cms.prod_1'), accept('63 characters', 'a'.repeat(63))],
      password: [accept('the reference example', 'P@ssw0rd123')],
    },
  },
];

// ---------------------------------------------------------------------------------------------------------
// The cases of one field
// ---------------------------------------------------------------------------------------------------------

function casesFor(plan: Plan, field: FieldSpec, valid: string): Case[] {
  const cases: Case[] = [];
  const required = field.required === true;
  cases.push(required ? reject('empty (required)', '') : accept('empty (optional)', ''));

  const textual = field.kind === 'text' || field.kind === 'secret';
  if (textual) {
    if (required) cases.push(reject('only spaces (required)', '   '));
    for (const n of [300, 5000]) cases.push(reject(`${n} characters`, (plan.long?.[field.key] ?? ((k: number) => 'a'.repeat(k)))(n)));
  }

  // Control characters: refused in every field. Secrets are where that is an API question, and none of the
  // APIs forbids them (IONOS v1: minLength 10; IONOS v2: the character-class rule; PGO: any string). pgtui
  // refuses them anyway: it hands the password to psql through a PGPASSFILE, whose format is one line per
  // entry with no escape for a newline, and a password with an ESC or BEL in it cannot be typed at a prompt.
  for (const [what, value] of CONTROL) cases.push(reject(`control character: ${what}`, value));
  if (textual) {
    // ...and inside a value that is otherwise valid, where only the control character can be what refuses it.
    const base = field.kind === 'secret' ? undefined : valid || plan.fine?.[field.key]?.find((c) => c.value !== '')?.value;
    for (const [what, ch] of [['BEL', '\u0007'], ['newline', '\n'], ['ESC', '\u001b'], ['DEL', '\u007f'], ['C1 CSI', '\u009b']] as const) {
      const inside = field.kind === 'secret' ? plan.secretWith!(ch) : base && base.length >= 2 ? `${base.slice(0, 1)}${ch}${base.slice(1)}` : undefined;
      if (inside !== undefined) cases.push(reject(`${what} inside a valid value`, inside));
    }
  }

  if (field.kind === 'secret') {
    // Non-ASCII in a password that meets the policy: no API rules it out, so it is accepted.
    for (const [what, u] of UNICODE) cases.push(accept(`unicode in a valid password: ${what}`, plan.secretWith!(u), 'no documented charset rule'));
  } else if (field.kind === 'text' && plan.freeText.includes(field.key)) {
    for (const [what, value] of UNICODE) cases.push(accept(`unicode (free text): ${what}`, value, 'documented as a plain string'));
  } else {
    for (const [what, value] of UNICODE) cases.push(reject(`unicode: ${what}`, value));
  }

  if (field.kind === 'int') {
    for (const [what, value] of BAD_INTS) cases.push(reject(`int: ${what}`, value));
    const range = plan.ranges[field.key];
    if (!range) throw new Error(`${plan.label} ${field.key}: the plan has no documented range for this int field`);
    const [min, max] = range!;
    cases.push(reject(`one below the minimum ${min}`, String(min - 1)), reject(`one above the maximum ${max}`, String(max + 1)));
    cases.push(accept(`the minimum ${min}`, String(min)), accept(`the maximum ${max}`, String(max)));
  }

  if (field.kind === 'choice' || field.kind === 'bool') {
    const values = field.kind === 'bool' ? ['true', 'false'] : (field.choices ?? []).map((c) => c.value);
    const first = values[0] ?? 'x';
    cases.push(reject('not among the choices', 'not-a-choice'));
    cases.push(reject('a choice with a trailing space', `${first} `));
    const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
    if (flipped !== first && !values.includes(flipped)) cases.push(reject('a choice in the wrong case', flipped));
    if (field.kind === 'bool') cases.push(reject('yes instead of true', 'yes'), reject('1 instead of true', '1'));
  }

  cases.push(...(plan.extra?.[field.key] ?? []), ...(plan.fine?.[field.key] ?? []));
  return cases;
}

/** Values where `field` is on screen and everything else is valid. */
function contextFor(plan: Plan, spec: FormSpec, base: FormValues, field: FieldSpec): FormValues {
  const values = { ...base };
  const seen = new Set<string>();
  let at: FieldSpec | undefined = field;
  while (at?.showWhen && !seen.has(at.key)) {
    seen.add(at.key);
    values[at.showWhen.key] = at.showWhen.values[0]!;
    at = spec.fields.find((f) => f.key === at!.showWhen!.key);
  }
  return plan.complete ? plan.complete(values, field, spec) : values;
}

function expectOneLineReason(reason: string | undefined, where: string): void {
  expect(reason, `${where}: no reason given`).toBeTypeOf('string');
  expect(reason!.trim(), `${where}: an empty reason`).not.toBe('');
  expect(reason, `${where}: more than one line`).not.toMatch(/[\r\n]/);
  expect(reason!.length, `${where}: reason too long: ${reason}`).toBeLessThan(200);
  expect(reason, `${where}: reason echoes a control character: ${JSON.stringify(reason)}`).not.toMatch(CONTROL_RE);
}

const show = (v: string) => {
  const j = JSON.stringify(v);
  return j.length > 40 ? `${j.slice(0, 30)}…(${v.length} chars)` : j;
};

// ---------------------------------------------------------------------------------------------------------
// Load every create form from its fake (top-level, so each field gets its own tests)
// ---------------------------------------------------------------------------------------------------------

interface Loaded {
  plan: Plan;
  spec: FormSpec;
  base: FormValues;
}

async function load(plan: Plan): Promise<Loaded> {
  const rig = await plan.rig();
  try {
    const provider = createProvider(rig.profile, { secrets: memorySecretStore() });
    const spec = await provider.createForm();
    return { plan, spec, base: initialValues(spec, plan.baseline(spec)) };
  } finally {
    await rig.stop();
  }
}

const LOADED = await Promise.all(PLANS.map(load));

describe.each(LOADED.map((l) => [l.plan.label, l] as const))('%s create form', (_label, { plan, spec, base }) => {
  it('the baseline (initial values + valid required fields) validates cleanly', () => {
    expect(spec.fields.length).toBeGreaterThan(3);
    expect(spec.validate(base)).toEqual({});
  });

  describe.each(spec.fields.map((f) => [f.key, f] as const))('field %s', (_key, field) => {
    const ctx = contextFor(plan, spec, base, field);

    it('is on screen and valid in its baseline', () => {
      expect(isVisible(field, ctx, spec)).toBe(true);
      expect(spec.validate(ctx)).toEqual({});
    });

    it.each(casesFor(plan, field, ctx[field.key] ?? '').map((c) => [`${c.expect}s ${c.what}: ${show(c.value)}`, c] as const))('%s', (_name, c) => {
      tally.try('form fields');
      const errors: FieldErrors = spec.validate({ ...ctx, [field.key]: c.value });
      const where = `${plan.label} ${field.key} = ${JSON.stringify(c.value).slice(0, 60)}${c.why ? ` (${c.why})` : ''}`;
      if (c.expect === 'reject') {
        expectOneLineReason(errors[field.key], where);
        // Keyed to THIS field: nothing else is blamed for it.
        expect(Object.keys(errors), `${where}: other fields blamed: ${JSON.stringify(errors)}`).toEqual([field.key]);
      } else {
        expect(errors, `${where}: refused a value the API documents as valid`).toEqual({});
      }
      tally.ok('form fields');
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// One-shot command arguments
// ---------------------------------------------------------------------------------------------------------

describe('CLI bad arguments', () => {
  let rig: Rig;
  let env: NodeJS.ProcessEnv;
  let clusterName: string;

  beforeAll(async () => {
    ensureBuilt();
    rig = await clickhouseRig(3);
    const provider = createProvider(rig.profile, { secrets: memorySecretStore() });
    clusterName = (await provider.list()).clusters[0]!.name;
    const dir = configWith([rig.profile]);
    env = cleanEnv(dir, { PGTUI_CONFIG_DIR: dir });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  interface CliCase {
    name: string;
    args: () => string[];
    code: number;
    says?: RegExp;
    oneLine?: boolean;
  }

  const CASES: CliCase[] = [
    { name: 'an unknown command', args: () => ['frobnicate'], code: EXIT.usage },
    { name: 'an unknown option', args: () => ['ls', '--bogus'], code: EXIT.usage, says: /--bogus/ },
    { name: 'an unknown global option', args: () => ['--nope'], code: EXIT.usage, says: /--nope/ },
    { name: '--profile naming no profile', args: () => ['--profile', 'nosuch', 'ls'], code: EXIT.usage, says: /nosuch/, oneLine: true },
    { name: 'get without a name', args: () => ['get'], code: EXIT.usage },
    { name: 'wait with --for maybe', args: () => ['wait', 'x', '--for', 'maybe'], code: EXIT.usage, says: /ready or deleted/ },
    { name: 'wait without --for', args: () => ['wait', 'x'], code: EXIT.usage },
    { name: 'wait with a --timeout that is no duration', args: () => ['wait', 'x', '--for', 'ready', '--timeout', 'banana'], code: EXIT.usage, says: /duration/, oneLine: true },
    { name: 'edit --set without =', args: () => ['edit', clusterName, '--set', 'novalue'], code: EXIT.usage, says: /key=value/, oneLine: true },
    { name: 'edit --set with an empty key', args: () => ['edit', clusterName, '--set', '=v'], code: EXIT.usage, oneLine: true },
    { name: 'edit --set of a field that does not exist', args: () => ['edit', clusterName, '--set', 'nosuch=1'], code: EXIT.usage, oneLine: true },
    { name: 'edit --set of an invalid name', args: () => ['edit', clusterName, '--set', 'name=bad/name', '--dry-run'], code: EXIT.usage, says: /name/, oneLine: true },
    { name: 'edit --set of the same key twice', args: () => ['edit', clusterName, '--set', 'name=a', '--set', 'name=b'], code: EXIT.usage, oneLine: true },
    { name: 'edit --set without = is refused before the name is looked up', args: () => ['edit', 'no-such-cluster', '--set', 'novalue'], code: EXIT.usage, says: /key=value/, oneLine: true },
    { name: 'ls --provider that is no provider', args: () => ['ls', '--provider', 'nope'], code: EXIT.usage, says: /ionos-v1, ionos-v2, clickhouse, pgo/, oneLine: true },
    { name: 'control characters typed into an argument are not echoed raw', args: () => ['wait', 'x', '--for', 'r\u001b[31meady'], code: EXIT.usage, says: /r�\[31meady/, oneLine: true },
  ];

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    tally.try('CLI arguments');
    const r: Run = await runCli(c.args(), { env, timeoutMs: 30_000 });
    const where = `pgtui ${c.args().join(' ')} → ${r.code}\n${r.stderr}`;
    expect(r.code, where).toBe(c.code);
    expect(r.stderr.trim(), where).not.toBe('');
    expect(r.stderr, where).not.toMatch(/^ {4}at /m);
    expect(r.stdout, where).not.toMatch(/^ {4}at /m);
    if (c.says) expect(r.stderr, where).toMatch(c.says);
    if (c.oneLine) expect(r.stderr.split('\n').filter((l) => l.trim()), where).toHaveLength(1);
    tally.ok('CLI arguments');
  });
});
