// What the program tells a user to read must be in the package they installed: every docs/… path the built
// bundles cite is shipped (package.json "files"), and the first-run screen points at `--help`, which always is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { FirstRun } from '../../src/ui/shell/FirstRun.js';
import { ensureBuilt, ROOT } from '../cli/helpers.js';

const shipped = (path: string) => pkg.files.some((f) => path === f || path.startsWith(`${f}/`));

describe('documents the program cites', () => {
  it('every docs/ path in the built TUI and one-shot bundles is in the package', () => {
    ensureBuilt();
    for (const bundle of ['dist/pgtui.cjs', 'dist/oneshot.cjs']) {
      const cited = new Set(readFileSync(join(ROOT, bundle), 'utf8').match(/docs\/[\w./-]+\.md/g) ?? []);
      for (const doc of cited) expect(shipped(doc), `${bundle} cites ${doc}`).toBe(true);
    }
  });

  it('the no-profiles screen says where to read more without naming a file the package lacks', () => {
    const app = render(<FirstRun />);
    const frame = app.lastFrame() ?? '';
    expect(frame).toContain('No profiles yet.');
    expect(frame).toContain('pgtui profile add --help');
    expect(frame).not.toMatch(/docs\//);
    app.unmount();
  });
});
