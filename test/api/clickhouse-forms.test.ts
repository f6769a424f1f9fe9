// The ClickHouse create form: fields, choices filtered by cloud, and one-line validation reasons.
import { describe, expect, it } from 'vitest';
import { createFormSpec, validateCreate } from '../../src/api/clickhouse/forms.js';
import { AWS_SIZES, GCP_SIZES } from '../../src/api/clickhouse/catalog.js';
import { parseTags, tagProblem, toCluster } from '../../src/api/clickhouse/mapping.js';

const primary = toCluster('ch', { id: 'p1', name: 'main', provider: 'aws', region: 'eu-west-2', state: 'running', isPrimary: true });
const replica = toCluster('ch', { id: 'r1', name: 'main ro', provider: 'aws', region: 'eu-west-2', state: 'running', isPrimary: false });
const ok = { mode: 'new', name: 'my postgres', provider: 'aws', region: 'us-west-2', size: 'r8gd.large', postgresVersion: '17', haType: 'none', tags: '' };

describe('ClickHouse create form', () => {
  const form = createFormSpec([primary, replica]);
  const field = (key: string) => form.fields.find((f) => f.key === key)!;

  it('offers the spec enums, sizes filtered by cloud, and primaries as sources', () => {
    expect(field('postgresVersion')).toMatchObject({ default: '17', choices: [{ value: '18' }, { value: '17' }] });
    expect(field('size').choices!.map((c) => c.value)).toEqual(AWS_SIZES);
    expect(field('size').showWhen).toEqual({ key: 'provider', values: ['aws'] });
    expect(field('gcpSize').choices!.map((c) => c.value)).toEqual(GCP_SIZES);
    expect(field('gcpSize').showWhen).toEqual({ key: 'provider', values: ['gcp'] });
    expect(field('region').choices!.map((c) => c.value)).toContain('eu-west-2');
    expect(field('gcpRegion').choices!.map((c) => c.value)).toContain('europe-west4');
    expect(field('haType').choices!.map((c) => c.value)).toEqual(['none', 'async', 'sync']);
    expect(field('source').choices!.map((c) => c.value)).toEqual(['p1']);
    expect(field('restoreTarget').showWhen).toEqual({ key: 'mode', values: ['restore'] });
    expect(form.validate(ok)).toEqual({});
  });

  it('explains each bad field in one line', () => {
    const errors = form.validate({ ...ok, name: 'bad/name', size: 'c4a-highmem-8', haType: 'triple', postgresVersion: '16', tags: 'a=1,a=2' });
    expect(errors).toEqual({
      name: 'letters, digits and spaces only (the API refuses "-" and "_")',
      size: 'choose a size for AWS from the list',
      haType: 'choose a high-availability type from the list',
      postgresVersion: 'choose a version from the list',
      tags: 'tag key "a" appears twice',
    });
    expect(form.validate({ ...ok, name: 'x'.repeat(51) }).name).toBe('at most 50 characters');
    expect(form.validate({ ...ok, name: '  ' }).name).toBe('a name is required');
    expect(form.validate({ ...ok, provider: 'gcp', gcpRegion: 'us-east1', gcpSize: 'r8gd.large' }).gcpSize).toBe('choose a size for GCP from the list');
    expect(form.validate({ ...ok, provider: 'gcp', region: 'europe-west4', size: 'c4-standard-8' })).toEqual({});
  });

  it('restore and replica need a source; restore needs a past RFC 3339 time', () => {
    expect(form.validate({ mode: 'replica', name: 'ro' })).toEqual({ source: 'choose the source service' });
    expect(form.validate({ mode: 'replica', name: 'ro', source: 'r1' })).toEqual({ source: 'that service is not in this organisation' });
    expect(form.validate({ mode: 'restore', name: 'back', source: 'p1', restoreTarget: 'yesterday' }).restoreTarget).toMatch(/RFC 3339/);
    expect(form.validate({ mode: 'restore', name: 'back', source: 'p1', restoreTarget: '2999-01-01T00:00:00Z' }).restoreTarget).toBe('must not be in the future');
    expect(validateCreate({ mode: 'restore', name: 'back', source: 'p1', restoreTarget: '2026-03-31T18:17:37Z' })).toEqual({});
  });

  it('tags: limits, charset, reserved keys', () => {
    expect(parseTags(' env = prod , legacy ,team=db')).toEqual([{ key: 'env', value: 'prod' }, { key: 'legacy' }, { key: 'team', value: 'db' }]);
    expect(tagProblem(Array.from({ length: 51 }, (_, i) => `k${i}=v`).join(','))).toBe('at most 50 tags (got 51)');
    expect(tagProblem('chc_owner=me')).toBe('tag keys starting with "chc_" are reserved');
    expect(tagProblem('my key=v')).toBe('tag key "my key" may only use letters, digits, . _ -');
    expect(tagProblem('k=v w')).toBe('the value of tag "k" may only use letters, digits, . _ -');
    expect(tagProblem('=v')).toMatch(/empty key/);
    expect(tagProblem('env=prod,tier=1.2_a-b')).toBeUndefined();
  });
});
