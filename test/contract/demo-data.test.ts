// The demo's data follows the same API rules as the forms and the fakes (issue 15, item 14): a user who copies
// a demo name ("orders prod") into the create form is not refused, and the fake would accept it too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLICKHOUSE_DEMO } from '../../src/fake/demo-seed.js';
import * as chFake from '../../src/fake/clickhouse/spec.js';
import { createFormSpec } from '../../src/api/clickhouse/forms.js';

const spec = JSON.parse(readFileSync(new URL('./specs/clickhouse-cloud-postgres-openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, { description?: string; maxLength?: number; pattern?: string }> };
};
const nameRule = spec.components.schemas.pgNameProperty!;
const form = createFormSpec([]);
const ok = { mode: 'new', provider: 'aws', awsRegion: 'us-east-1', awsSize: 'r8gd.large', postgresVersion: '17', haType: 'none', tags: '' };

describe('ClickHouse service names: spec, fake, form and demo agree', () => {
  it('the spec words the rule as alphanumerical with whitespaces, up to 50', () => {
    expect(nameRule.description).toContain('Alphanumerical string with whitespaces');
    expect(nameRule.maxLength).toBe(chFake.NAME_MAX);
    expect(nameRule.pattern).toBeUndefined(); // the rule is in words only; NAME_PATTERN is its reading
  });

  it('every demo service name passes the fake and the create form', () => {
    for (const { name } of CLICKHOUSE_DEMO) {
      expect(chFake.NAME_PATTERN.test(name), name).toBe(true);
      expect(name.length).toBeLessThanOrEqual(chFake.NAME_MAX);
      expect(form.validate({ ...ok, name }).name, name).toBeUndefined();
    }
  });

  it('the form refuses what the API refuses and says what it takes', () => {
    expect(chFake.NAME_PATTERN.test('ux-ch')).toBe(false);
    expect(form.validate({ ...ok, name: 'ux-ch' }).name).toMatch(/letters, digits and spaces only.*"-"/);
    expect(form.validate({ ...ok, name: 'ux ch' }).name).toBeUndefined();
  });
});
