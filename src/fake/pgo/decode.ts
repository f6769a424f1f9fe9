// Go encoding/json decoding as the apiserver does it (`_ = json.NewDecoder(r.Body).Decode(&req)`): keys match
// case-insensitively (an exact match wins), unknown keys are ignored, a value of the wrong type leaves the
// field at its zero value, and a body that is not JSON at all decodes as the zero struct.

export type GoType = 'string' | 'int' | 'bool' | 'bool|null' | 'string[]' | 'object[]';

type GoValue<T extends GoType> = T extends 'string'
  ? string
  : T extends 'int'
    ? number
    : T extends 'bool'
      ? boolean
      : T extends 'bool|null'
        ? boolean | null
        : T extends 'string[]'
          ? string[]
          : Array<Record<string, unknown>>;

export type Decoded<S extends Record<string, GoType>> = { [K in keyof S]: GoValue<S[K]> };

function zero(t: GoType): unknown {
  switch (t) {
    case 'string':
      return '';
    case 'int':
      return 0;
    case 'bool':
      return false;
    default:
      return null;
  }
}

function coerce(t: GoType, v: unknown): unknown {
  switch (t) {
    case 'string':
      return typeof v === 'string' ? v : v === null ? '' : undefined;
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) ? v : v === null ? 0 : undefined;
    case 'bool':
      return typeof v === 'boolean' ? v : v === null ? false : undefined;
    case 'bool|null':
      return typeof v === 'boolean' || v === null ? v : undefined;
    case 'string[]':
      return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : v === null ? null : undefined;
    case 'object[]':
      return Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : v === null ? null : undefined;
  }
}

export function goDecode<S extends Record<string, GoType>>(body: unknown, schema: S): Decoded<S> {
  const src = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  const keys = Object.keys(src);
  for (const [field, type] of Object.entries(schema)) {
    const key = field in src ? field : keys.find((k) => k.toLowerCase() === field.toLowerCase());
    const value = key === undefined ? undefined : coerce(type, src[key]);
    out[field] = value === undefined ? zero(type) : value;
  }
  return out as Decoded<S>;
}
