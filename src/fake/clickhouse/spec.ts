// The ClickHouse fake's own copy of the Managed Postgres constants, written from the OpenAPI spec
// (test/contract/specs/clickhouse-cloud-postgres-openapi.json, components.schemas) and never imported from the
// client: test/contract/constants.test.ts checks this file against the spec and the client's catalog against it.

/** pgSize, AWS instance types (<family>.<size>). */
export const AWS_SIZES: readonly string[] = [
  'c6gd.large', 'c6gd.xlarge', 'c6gd.2xlarge', 'c6gd.4xlarge', 'c6gd.8xlarge', 'c6gd.16xlarge', 'i7i.large',
  'i7i.xlarge', 'i7i.2xlarge', 'i7i.4xlarge', 'i7i.8xlarge', 'i7i.12xlarge', 'i7i.16xlarge', 'i7i.24xlarge',
  'i7ie.large', 'i7ie.xlarge', 'i7ie.2xlarge', 'i7ie.3xlarge', 'i7ie.6xlarge', 'i7ie.12xlarge', 'i7ie.18xlarge',
  'i7ie.24xlarge', 'i8g.large', 'i8g.xlarge', 'i8g.2xlarge', 'i8g.4xlarge', 'i8g.8xlarge', 'i8g.16xlarge',
  'i8g.24xlarge', 'i8ge.large', 'i8ge.xlarge', 'i8ge.2xlarge', 'i8ge.3xlarge', 'i8ge.6xlarge', 'i8ge.12xlarge',
  'i8ge.18xlarge', 'i8ge.24xlarge', 'm6gd.large', 'm6gd.xlarge', 'm6gd.2xlarge', 'm6gd.4xlarge', 'm6gd.8xlarge',
  'm6gd.16xlarge', 'm6id.large', 'm6id.xlarge', 'm6id.2xlarge', 'm6id.4xlarge', 'm6id.8xlarge', 'm6id.16xlarge',
  'm8gd.large', 'm8gd.xlarge', 'm8gd.2xlarge', 'm8gd.4xlarge', 'm8gd.8xlarge', 'm8gd.16xlarge', 'r6gd.medium',
  'r6gd.large', 'r6gd.xlarge', 'r6gd.2xlarge', 'r6gd.4xlarge', 'r6gd.8xlarge', 'r6gd.12xlarge', 'r6gd.16xlarge',
  'r6id.large', 'r6id.xlarge', 'r6id.2xlarge', 'r6id.4xlarge', 'r6id.8xlarge', 'r6id.12xlarge', 'r6id.16xlarge',
  'r6id.24xlarge', 'r6id.32xlarge', 'r8gd.medium', 'r8gd.large', 'r8gd.xlarge', 'r8gd.2xlarge', 'r8gd.4xlarge',
  'r8gd.8xlarge', 'r8gd.12xlarge', 'r8gd.16xlarge', 'r8gd.24xlarge', 'r8gd.48xlarge',
];

/** pgSize, GCP machine types (x-added-from-2026-09-spec). */
export const GCP_SIZES: readonly string[] = [
  'c4a-highmem-4', 'c4a-highmem-8', 'c4a-highmem-16', 'c4a-highmem-32', 'c4a-highmem-48', 'c4a-highmem-64',
  'c4a-highmem-72', 'c4a-standard-4', 'c4a-standard-8', 'c4a-standard-16', 'c4a-standard-32', 'c4a-standard-48',
  'c4a-standard-64', 'c4a-standard-72', 'c4-highmem-4', 'c4-highmem-8', 'c4-highmem-16', 'c4-highmem-24',
  'c4-highmem-32', 'c4-highmem-48', 'c4-highmem-96', 'c4-highmem-144', 'c4-highmem-192', 'c4-highmem-288',
  'c4-standard-4', 'c4-standard-8', 'c4-standard-16', 'c4-standard-24', 'c4-standard-32', 'c4-standard-48',
  'c4-standard-96', 'c4-standard-144', 'c4-standard-192', 'c4-standard-288', 'c4d-highmem-8', 'c4d-highmem-16',
  'c4d-highmem-32', 'c4d-highmem-48', 'c4d-highmem-64', 'c4d-highmem-96', 'c4d-highmem-192', 'c4d-highmem-384',
  'c4d-standard-8', 'c4d-standard-16', 'c4d-standard-32', 'c4d-standard-48', 'c4d-standard-64', 'c4d-standard-96',
  'c4d-standard-192', 'c4d-standard-384', 'z3-highlssd-8', 'z3-highlssd-16', 'z3-highlssd-22', 'z3-highlssd-32',
  'z3-highlssd-44', 'z3-highlssd-88', 'z3-standardlssd-14', 'z3-standardlssd-22', 'z3-standardlssd-44',
  'z3-standardlssd-88', 'z3-standardlssd-176',
];

export const ALL_SIZES: ReadonlySet<string> = new Set([...AWS_SIZES, ...GCP_SIZES]);

/** pgProvider, pgVersion, pgHaType, pgStateProperty and PostgresServiceSetState.command. */
export const PROVIDERS: readonly string[] = ['aws', 'gcp'];
export const PG_VERSIONS: readonly string[] = ['18', '17'];
export const HA_TYPES: readonly string[] = ['none', 'async', 'sync'];
export const STATES: readonly string[] = [
  'creating', 'restarting', 'running', 'replaying_wal', 'restoring_backup', 'finalizing_restore', 'unavailable', 'stopped', 'deleting',
];
export const STATE_COMMANDS: readonly string[] = ['restart', 'promote', 'switchover'];

/**
 * pgRegion is a free string. The fake seeds from the ClickHouse Cloud regions the spec enumerates elsewhere
 * (OrganizationPrivateEndpoint.region): the AWS ones and the GCP ones.
 */
export const AWS_REGIONS: readonly string[] = [
  'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1',
  'eu-west-1', 'eu-west-2', 'il-central-1', 'us-east-1', 'us-east-2', 'us-west-2',
];
export const GCP_REGIONS: readonly string[] = ['us-east1', 'us-central1', 'europe-west2', 'europe-west4', 'asia-southeast1', 'asia-northeast1'];

/** pgConfig's properties (additionalProperties: false). */
export const PG_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'max_connections', 'default_transaction_isolation', 'ssl_min_protocol_version', 'maintenance_work_mem', 'work_mem',
  'effective_cache_size', 'random_page_cost', 'effective_io_concurrency', 'max_worker_processes',
  'max_parallel_workers', 'max_parallel_workers_per_gather', 'max_parallel_maintenance_workers', 'statement_timeout',
  'lock_timeout', 'idle_session_timeout', 'idle_in_transaction_session_timeout', 'transaction_timeout',
  'wal_sender_timeout', 'wal_keep_size', 'min_wal_size', 'max_wal_size', 'max_slot_wal_keep_size', 'wal_compression',
  'autovacuum_max_workers', 'autovacuum_naptime', 'autovacuum_work_mem', 'autovacuum_vacuum_scale_factor',
  'autovacuum_analyze_scale_factor', 'autovacuum_vacuum_insert_scale_factor', 'autovacuum_vacuum_cost_limit',
  'autovacuum_vacuum_cost_delay',
]);
/** pgBouncerConfig: minProperties / maxProperties. */
export const PG_BOUNCER_MAX_PARAMS = 64;

/** pgNameProperty: "Alphanumerical string with whitespaces up to 50 characters." */
export const NAME_MAX = 50;
export const NAME_PATTERN = /^[A-Za-z0-9 ]+$/;

/** pgTags / ResourceTagsV1. */
export const MAX_TAGS = 50;
export const TAG_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
/** pgTags: "Tag keys starting with “chc_” are reserved for internal use." */
export const RESERVED_TAG_PREFIX = 'chc_';

/** pgPassword: length bounds (it also needs a lowercase letter, an uppercase letter and a digit). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;
