// Each fake's own constants (src/fake/*/spec.ts) against the spec copies in specs/, and each client's catalog
// against the spec and its fake: a constant the client got wrong fails here instead of being confirmed by a fake
// that imported it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as chClient from '../../src/api/clickhouse/catalog.js';
import * as v1Client from '../../src/api/ionos-v1/catalog.js';
import * as v2Client from '../../src/api/ionos-v2/catalog.js';
import * as pgoClientValidate from '../../src/api/pgo/validate.js';
import { STATE as PGO_CLIENT_STATE } from '../../src/api/pgo/wire.js';
import * as chFake from '../../src/fake/clickhouse/spec.js';
import * as v1Fake from '../../src/fake/ionos-v1/spec.js';
import * as v2Fake from '../../src/fake/ionos-v2/spec.js';
import * as pgoFake from '../../src/fake/pgo/spec.js';

const read = (name: string) => readFileSync(new URL(`./specs/${name}`, import.meta.url), 'utf8');
type Schema = { enum?: string[]; properties?: Record<string, Schema>; [k: string]: unknown };
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('ClickHouse: the fake against the OpenAPI spec', () => {
  const spec = JSON.parse(read('clickhouse-cloud-postgres-openapi.json')) as { components: { schemas: Record<string, Schema> } };
  const s = spec.components.schemas;
  const regionEnum = s.OrganizationPrivateEndpoint!.properties!.region!.enum!;

  it('sizes: every pgSize, AWS types apart from the GCP machine types the 2026-09 spec added', () => {
    expect([...chFake.AWS_SIZES, ...chFake.GCP_SIZES]).toEqual(s.pgSize!.enum);
    expect(chFake.GCP_SIZES).toEqual(s.pgSize!['x-added-from-2026-09-spec']);
    expect(chFake.AWS_SIZES.every((x) => /^[a-z0-9]+\.[a-z0-9]+$/.test(x))).toBe(true);
  });

  it('enums: provider, version, HA type, state, state command', () => {
    expect(chFake.PROVIDERS).toEqual(s.pgProvider!.enum);
    expect(chFake.PG_VERSIONS).toEqual(s.pgVersion!.enum);
    expect(chFake.HA_TYPES).toEqual(s.pgHaType!.enum);
    expect(chFake.STATES).toEqual(s.pgStateProperty!.enum);
    expect(chFake.STATE_COMMANDS).toEqual(s.PostgresServiceSetState!.properties!.command!.enum);
  });

  it('regions: the AWS and GCP ones of the spec’s ClickHouse Cloud region enum (pgRegion itself is free)', () => {
    expect(s.pgRegion!.enum).toBeUndefined();
    expect(chFake.AWS_REGIONS).toEqual(regionEnum.filter((r) => /^[a-z]{2}-[a-z]+-\d$/.test(r)));
    expect(chFake.GCP_REGIONS).toEqual(regionEnum.filter((r) => /^[a-z]+-[a-z]+\d$/.test(r)));
  });

  it('limits: name, tags, pgConfig keys, pgBouncer parameters, password', () => {
    const tag = s.ResourceTagsV1!.properties!;
    expect(chFake.NAME_MAX).toBe(s.pgNameProperty!.maxLength);
    expect(chFake.MAX_TAGS).toBe(s.pgTags!.maxItems);
    expect(chFake.TAG_PATTERN.source).toBe(tag.key!.pattern);
    expect(chFake.TAG_PATTERN.source).toBe(tag.value!.pattern);
    expect(chFake.TAG_KEY_MAX).toBe(tag.key!.maxLength);
    expect(chFake.TAG_VALUE_MAX).toBe(tag.value!.maxLength);
    expect(s.pgTags!.description).toContain(`starting with “${chFake.RESERVED_TAG_PREFIX}” are reserved`);
    expect(sorted(chFake.PG_CONFIG_KEYS)).toEqual(sorted(Object.keys(s.pgConfig!.properties!)));
    expect(s.pgConfig!.additionalProperties).toBe(false);
    expect(chFake.PG_BOUNCER_MAX_PARAMS).toBe(s.pgBouncerConfig!.maxProperties);
    expect(chFake.PASSWORD_MIN).toBe(s.pgPassword!.minLength);
    expect(chFake.PASSWORD_MAX).toBe(s.pgPassword!.maxLength);
  });
});

describe('ClickHouse: the client’s catalog against the spec (through the fake’s copy)', () => {
  it('every constant the client shares with the API', () => {
    expect(chClient.AWS_SIZES).toEqual(chFake.AWS_SIZES);
    expect(chClient.GCP_SIZES).toEqual(chFake.GCP_SIZES);
    expect(sorted(chClient.ALL_SIZES)).toEqual(sorted(chFake.ALL_SIZES));
    expect(chClient.PROVIDERS).toEqual(chFake.PROVIDERS);
    expect(chClient.PG_VERSIONS).toEqual(chFake.PG_VERSIONS);
    expect(chFake.PG_VERSIONS).toContain(chClient.DEFAULT_PG_VERSION);
    expect(chClient.HA_TYPES).toEqual(chFake.HA_TYPES);
    expect(chClient.STATES).toEqual(chFake.STATES);
    expect(chClient.STATE_COMMANDS).toEqual(chFake.STATE_COMMANDS);
    expect(chClient.AWS_REGIONS).toEqual(chFake.AWS_REGIONS);
    expect(chClient.GCP_REGIONS).toEqual(chFake.GCP_REGIONS);
    expect(sorted(chClient.PG_CONFIG_KEYS)).toEqual(sorted(chFake.PG_CONFIG_KEYS));
    expect(chClient.TAG_PATTERN.source).toBe(chFake.TAG_PATTERN.source);
    expect(chClient.MAX_TAGS).toBe(chFake.MAX_TAGS);
    expect(chClient.RESERVED_TAG_PREFIX).toBe(chFake.RESERVED_TAG_PREFIX);
    expect(chClient.NAME_MAX).toBe(chFake.NAME_MAX);
    expect(chClient.NAME_PATTERN.source).toBe(chFake.NAME_PATTERN.source);
  });
});

describe('IONOS v1: the fake against the 1.0.5 spec', () => {
  const spec = parse(read('ionos-postgresql-v1.yaml')) as { components: { schemas: Record<string, Schema> } };
  const s = spec.components.schemas;

  it('enums: locations, backup locations, storage types, states, synchronisation modes, days', () => {
    expect(v1Fake.LOCATIONS).toEqual(s.Location!['x-extensible-enum']);
    expect(v1Fake.BACKUP_LOCATIONS).toEqual(s.BackupLocation!['x-extensible-enum']);
    expect(v1Fake.STORAGE_TYPES).toEqual(s.StorageType!.enum);
    expect(v1Fake.STATES).toEqual(s.State!.enum);
    expect(v1Fake.SYNC_MODES).toEqual(s.SynchronizationMode!.enum);
    expect(v1Fake.CREATE_SYNC_MODES).toEqual(s.SynchronizationMode!.enum!.filter((m) => m !== 'SYNCHRONOUS'));
    expect(sorted(v1Fake.DAYS)).toEqual(sorted(s.DayOfTheWeek!.enum!));
  });

  it('limits: instances, cores, ram, storage, password, reserved user names', () => {
    expect(v1Fake.LIMITS.instances).toEqual([s.Instances!.minimum, s.Instances!.maximum]);
    expect(v1Fake.LIMITS.cores[0]).toBe(s.Cores!.minimum);
    expect(s.Cores!.maximum).toBeUndefined();
    expect(v1Fake.LIMITS.ram[0]).toBe(s.Ram!.minimum);
    expect(s.Ram!.maximum).toBeUndefined();
    expect(v1Fake.RAM_STEP).toBe(s.Ram!.multipleOf);
    expect(v1Fake.LIMITS.storageSize).toEqual([s.StorageSize!.minimum, s.StorageSize!.maximum]);
    const user = s.DBUser!.properties!;
    expect(v1Fake.PASSWORD_MIN).toBe(user.password!.minLength);
    for (const name of v1Fake.RESERVED_USERNAMES) expect(user.username!.description).toContain(`"${name}"`);
    expect(v1Fake.VERSIONS).toContain(s.PostgresVersion!.example);
  });
});

describe('IONOS v1: the client’s catalog against the spec and the fake', () => {
  const spec = parse(read('ionos-postgresql-v1.yaml')) as { components: { schemas: Record<string, Schema> } };
  const s = spec.components.schemas;

  it('locations: every spec location, plus only those terraform adds (the enum is extensible)', () => {
    const terraform = ['gb/bhx', 'fr/par', 'us/mci', 'de/fra/2'];
    expect(v1Client.V1_LOCATIONS).toEqual(expect.arrayContaining(s.Location!['x-extensible-enum'] as string[]));
    expect(v1Client.V1_LOCATIONS.filter((l) => !v1Fake.LOCATIONS.includes(l)).every((l) => terraform.includes(l))).toBe(true);
  });

  it('enums and limits match the fake', () => {
    expect(v1Client.BACKUP_LOCATIONS).toEqual(v1Fake.BACKUP_LOCATIONS);
    // The client offers the storage types without the deprecated alias `SSD`.
    expect(v1Client.STORAGE_TYPES).toEqual(v1Fake.STORAGE_TYPES.filter((t) => t !== 'SSD'));
    expect(v1Client.CREATE_SYNC_MODES).toEqual(v1Fake.CREATE_SYNC_MODES);
    expect(v1Client.SYNC_MODES).toEqual(v1Fake.SYNC_MODES);
    expect(sorted(v1Client.DAYS)).toEqual(sorted(v1Fake.DAYS));
    expect(v1Client.LIMITS).toEqual(v1Fake.LIMITS);
    expect(v1Client.RESERVED_USERNAMES).toEqual(v1Fake.RESERVED_USERNAMES);
    // The 63-character display name is pgtui's own cap: the spec sets none.
    expect(s.DisplayName!.maxLength).toBeUndefined();
    expect(v1Client.NAME_MAX).toBe(63);
  });
});

describe('IONOS v2: the fake against the SDK transcript (specs/ionos-postgresql-v2.json)', () => {
  const spec = JSON.parse(read('ionos-postgresql-v2.json')) as {
    urlTemplate: string;
    endpoints: Record<string, string>;
    schemas: Record<string, Schema & Record<string, Schema & Record<string, unknown>>>;
  };
  const s = spec.schemas;
  const endpointOwners = Object.entries(spec.endpoints).filter(([loc, url]) => url === spec.urlTemplate.replace('%s', loc.replace(/\//g, '-')));

  it('locations: one per regional endpoint; an alias served by another location’s endpoint is not one', () => {
    expect(v2Fake.LOCATIONS).toEqual(endpointOwners.map(([loc]) => loc));
    expect(new Set(Object.values(spec.endpoints)).size).toBe(v2Fake.LOCATIONS.length);
  });

  it('enums, limits and patterns', () => {
    expect(v2Fake.STATES).toEqual(s.PostgresClusterStates!.enum);
    expect(v2Fake.REPLICATION_MODES).toEqual(s.ReplicationMode!.enum);
    expect(v2Fake.STRICT_SYNC_MIN_INSTANCES).toBe(s.ReplicationMode!['x-strict-min-instances']);
    expect(v2Fake.POOLERS).toEqual(s.ConnectionPooler!.enum);
    expect(sorted(v2Fake.DAYS)).toEqual(sorted(s.DayOfTheWeek!.enum!));
    expect(v2Fake.LIMITS).toEqual(s.InstanceConfiguration!['x-ionosctl-ranges']);
    expect(s.BackupProperties!.retentionDays).toEqual({ type: 'integer' });
    expect(v2Fake.RETENTION_MIN_DAYS).toBe(1);
    expect(v2Fake.NAME_PATTERN.source).toBe(s['Cluster.name']!.pattern);
    expect(v2Fake.USERNAME_PATTERN.source).toBe(s.PostgresUser!.username!.pattern);
    expect(v2Fake.DATABASE_PATTERN.source).toBe(s.PostgresUser!.database!.pattern);
    expect(v2Fake.TIME_PATTERN.source).toBe(s['MaintenanceWindow.time']!.pattern);
    expect(v2Fake.PASSWORD_MIN).toBe(s.PostgresUser!.password!.minLength);
    expect(v2Fake.PASSWORD_SPECIALS).toBe(s.PostgresUser!.password!.needsOneOf);
  });

  it('the password and address rules are the API’s, nothing more', () => {
    expect(v2Fake.passwordProblem('Passw0r&')).toBeUndefined();
    expect(v2Fake.passwordProblem('Passw0r')).toBe('at least 8 characters');
    expect(v2Fake.passwordProblem('Password&')).toMatch(/a digit/);
    // pgtui's own limits (length, control characters) are the client's business, not the API's.
    expect(v2Fake.passwordProblem(`Aa1&${'x'.repeat(200)}`)).toBeUndefined();
    expect(s['Connection.primaryInstanceAddress']!.unavailableRange).toBe('10.208.0.0/12');
    for (const bad of ['10.208.0.1/24', '10.223.255.1/24']) expect(v2Fake.addressProblem(bad)).toMatch(/reserved/);
    for (const ok of ['10.207.0.1/24', '10.224.0.1/24', '192.168.1.100/24']) expect(v2Fake.addressProblem(ok)).toBeUndefined();
  });
});

describe('IONOS v2: the client’s catalog against the transcript and the fake', () => {
  const spec = JSON.parse(read('ionos-postgresql-v2.json')) as { urlTemplate: string; endpoints: Record<string, string> };

  it('its default locations are the fake’s, and each builds the documented endpoint', () => {
    expect([...v2Client.V2_LOCATIONS]).toEqual(v2Fake.LOCATIONS);
    expect(v2Client.IONOS_V2_URL_TEMPLATE).toBe(spec.urlTemplate);
    for (const l of v2Client.V2_LOCATIONS) expect(v2Client.endpointFor({ kind: 'ionos-v2', name: 'x' } as never, l)).toBe(spec.endpoints[l]);
  });

  it('enums, limits and patterns match the fake', () => {
    expect([...v2Client.V2_STATES]).toEqual(v2Fake.STATES);
    expect([...v2Client.REPLICATION_MODES]).toEqual(v2Fake.REPLICATION_MODES);
    expect([...v2Client.POOLERS]).toEqual(v2Fake.POOLERS);
    expect(sorted(v2Client.DAYS)).toEqual(sorted(v2Fake.DAYS));
    const { retentionDays, ...instances } = v2Client.LIMITS;
    expect(instances).toEqual(v2Fake.LIMITS);
    // Retention is pgtui's own choice (docs/ionos.md §4.4): inside what the API takes, never looser.
    expect(retentionDays[0]).toBeGreaterThanOrEqual(v2Fake.RETENTION_MIN_DAYS);
    for (const k of ['NAME_PATTERN', 'USERNAME_PATTERN', 'DATABASE_PATTERN', 'TIME_PATTERN', 'UUID_PATTERN'] as const) {
      expect(v2Client[k].source, k).toBe(v2Fake[k].source);
    }
  });

  it('the client’s password rule is the API’s plus its own limits, never looser', () => {
    for (const pw of ['short', 'Passw0r', 'password1&', 'PASSWORD1&', 'Password&&', 'Password12', 'Passw0r&', 'Aa1&xxxxxxx']) {
      if (v2Fake.passwordProblem(pw)) expect(v2Client.passwordProblem(pw), pw).toBeDefined();
      else expect(v2Client.passwordProblem(pw), pw).toBeUndefined();
    }
    for (const cidr of ['10.208.0.1/24', '10.207.0.1/24', '300.1.1.1/24', '1.2.3.4', '192.168.1.100/33', '192.168.1.100/24']) {
      expect(v2Client.addressProblem(cidr), cidr).toBe(v2Fake.addressProblem(cidr));
    }
  });
});

describe('PGO 4.3: the fake against the apiserver description', () => {
  const spec = JSON.parse(read('crunchy-pgo-4.3-apiserver.json')) as {
    server: { versionMismatchMsg: string };
    messages: { Pgcluster: { statusStates: string[] } };
    fixtures: Record<string, { status?: { Msg: string } }>;
  };
  const errors = JSON.parse(read('crunchy-pgo-4.3-errors.json')) as { create: Record<string, string>; apimachinery: Record<string, string | number> };
  const fill = (template: string, value: string, err: string) => template.replace('X', value).replace('<err>', err);

  it('states and the version mismatch text', () => {
    expect(Object.values(pgoFake.STATE)).toEqual(spec.messages.Pgcluster.statusStates);
    expect(pgoFake.VERSION_MISMATCH_MSG).toBe(spec.server.versionMismatchMsg);
    expect(pgoFake.VERSION_MISMATCH_MSG).toBe(spec.fixtures['create.versionMismatch']!.status!.Msg);
  });

  it('error texts: CPU, memory, PVC size, cluster name, quantity parsing', () => {
    const a = errors.apimachinery;
    expect(pgoFake.quantityError('lots')).toBe(a.quantityFormatError);
    expect(pgoFake.quantityError('512Gu')).toBe(a.quantitySuffixError);
    for (const q of ['', '1', '500m', '1Gi', '1.5', '+2k', '1e3', '128Mi']) expect(pgoFake.quantityError(q), q).toBeUndefined();
    expect(pgoFake.CPU_REQUEST_ERROR('x', 'E')).toBe(fill(errors.create.cpuRequest!, 'x', 'E'));
    expect(pgoFake.MEMORY_REQUEST_ERROR('x', 'E')).toBe(fill(errors.create.memoryRequest!, 'x', 'E'));
    expect(pgoFake.PVC_SIZE_ERROR('x', 'E')).toBe(fill(errors.create.pvcSize!, 'x', 'E'));
    expect(`invalid cluster name format ${pgoFake.dns1035Error('Hippo')}`).toBe(errors.create.nameFormat);
    expect(pgoFake.DNS1035_MAX).toBe(a.dns1035MaxLength);
    expect(pgoFake.dns1035Error('a'.repeat(63))).toBeUndefined();
    expect(pgoFake.dns1035Error('a'.repeat(64))).toBe(`must be no more than ${pgoFake.DNS1035_MAX} characters`);
  });
});

describe('PGO 4.3: the client’s copies against the fake', () => {
  const samples = ['', '1', '500m', '1Gi', 'lots', '1Gx', '512Gu', '-1', '.5', '1e3', '1E', 'Mi', '1 Gi', '1.2.3'];

  it('states, message texts and parsing agree', () => {
    expect(PGO_CLIENT_STATE).toEqual(pgoFake.STATE);
    expect(pgoClientValidate.VERSION_MISMATCH_MSG).toBe(pgoFake.VERSION_MISMATCH_MSG);
    for (const q of samples) {
      expect(pgoClientValidate.quantityError(q), q).toBe(pgoFake.quantityError(q));
      expect(pgoClientValidate.CPU_REQUEST_ERROR(q, 'E')).toBe(pgoFake.CPU_REQUEST_ERROR(q, 'E'));
      expect(pgoClientValidate.MEMORY_REQUEST_ERROR(q, 'E')).toBe(pgoFake.MEMORY_REQUEST_ERROR(q, 'E'));
      expect(pgoClientValidate.PVC_SIZE_ERROR(q, 'E')).toBe(pgoFake.PVC_SIZE_ERROR(q, 'E'));
    }
    for (const name of ['hippo', 'Hippo', '1abc', 'a-', 'a'.repeat(63), 'a'.repeat(64), 'a_b', '']) {
      expect(pgoClientValidate.dns1035Error(name), name).toBe(pgoFake.dns1035Error(name));
    }
  });
});
