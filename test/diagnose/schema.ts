// docs/diagnose.schema.json as an ajv validator, for the tests that check `-o json`.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(new URL('../../docs/diagnose.schema.json', import.meta.url), 'utf8')) as object;
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
export const validateReport = ajv.compile(schema);

export function schemaErrors(value: unknown): string {
  return validateReport(value) ? '' : ajv.errorsText(validateReport.errors);
}
