// docs/diagnose.md documents every check and every threshold the code has.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/diagnose/health.js';
import { DEFAULT_THRESHOLDS } from '../../src/diagnose/thresholds.js';

const doc = readFileSync(new URL('../../docs/diagnose.md', import.meta.url), 'utf8');

describe('docs/diagnose.md', () => {
  it('has a row for every check', () => {
    for (const c of CHECKS) expect(doc, c.id).toContain(`| \`${c.id}\` |`);
  });
  it('names every threshold', () => {
    for (const key of Object.keys(DEFAULT_THRESHOLDS)) expect(doc, key).toContain(`\`${key}\``);
  });
});
