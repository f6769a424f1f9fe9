// -o table|wide|json|yaml, --no-headers and --cols for `ls`, `get` and `backups` (the flags kubectl and ionosctl
// users know). --json and --wide stay as aliases of -o json / -o wide.
import { escapeRawUnsafe, hasRawUnsafe, safeJson } from '../text/safe.js';
import { CommandError, EXIT } from './exit-codes.js';

export const OUTPUT_FORMATS = ['table', 'wide', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The flags as commander hands them over (`--no-headers` arrives as headers: false). */
export interface OutputFlags {
  output?: string;
  json?: boolean;
  wide?: boolean;
  headers?: boolean;
  cols?: string;
}

export interface Output {
  format: OutputFormat;
  headers: boolean;
  /** Column titles asked for with --cols, upper-cased, in the order given. */
  cols?: string[];
}

export function parseOutput(flags: OutputFlags): Output {
  const asked = [flags.output, flags.json ? 'json' : undefined, flags.wide ? 'wide' : undefined].filter((f): f is string => f !== undefined);
  const distinct = [...new Set(asked)];
  if (distinct.length > 1) throw new CommandError(`choose one output format, not ${distinct.join(' and ')}`, EXIT.usage);
  const format = distinct[0] ?? 'table';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new CommandError(`-o is one of ${OUTPUT_FORMATS.join(', ')}, not ${format}`, EXIT.usage);
  const cols = flags.cols === undefined ? undefined : flags.cols.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (cols !== undefined && cols.length === 0) throw new CommandError('--cols wants column names, e.g. --cols NAME,PHASE', EXIT.usage);
  if (cols && (format === 'json' || format === 'yaml')) throw new CommandError(`--cols applies to table output, not ${format}`, EXIT.usage);
  return { format: format as OutputFormat, headers: flags.headers !== false, cols };
}

/** JSON (secrets are masked by the caller) or YAML; the YAML library is loaded only when asked for. */
export async function structured(format: 'json' | 'yaml', value: unknown): Promise<string> {
  if (format === 'json') return `${safeJson(value)}\n`;
  // The bundle loads yaml's CommonJS build: its functions may sit on the default export.
  const imported = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  const mod = imported.Document ? imported : imported.default!;
  // Round-trip through JSON so YAML sees exactly what --json prints (no undefined, no class instances).
  const doc = new mod.Document(JSON.parse(safeJson(value)));
  // The yaml library leaves DEL, C1, bidi and separator characters raw even in double quotes: every string
  // holding one is double-quoted, then each such character is written as the \uXXXX escape YAML reads back,
  // so -o yaml is as lossless as -o json (only double-quoted scalars can hold them, so the escape is always read).
  mod.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasRawUnsafe(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return escapeRawUnsafe(doc.toString({ lineWidth: 0 }));
}

/** Picks the columns --cols names (any title, wide ones included), in its order; an unknown name is a usage error. */
export function pickColumns<C extends { title: string }>(all: readonly C[], cols: readonly string[]): C[] {
  return cols.map((name) => {
    const col = all.find((c) => c.title === name);
    if (!col) throw new CommandError(`--cols: no column ${name}; one of ${all.map((c) => c.title).join(', ')}`, EXIT.usage);
    return col;
  });
}

export interface PlainColumn<T> {
  title: string;
  value: (item: T) => string;
  wide?: boolean;
}

/** A plain aligned table (cells are made safe by writeOut): for lists without the ls table's fitting. */
export function plainTable<T>(items: readonly T[], all: readonly PlainColumn<T>[], out: Output): string {
  const cols = out.cols ? pickColumns(all, out.cols) : all.filter((c) => out.format === 'wide' || !c.wide);
  const rows = items.map((item) => cols.map((c) => c.value(item).replace(/\s+/g, ' ')));
  if (out.headers) rows.unshift(cols.map((c) => c.title));
  const widths = cols.map((_, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), 0));
  return rows.map((r) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
