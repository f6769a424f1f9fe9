// The checks the 4.3 apiserver applies to names and Kubernetes quantities, with its own error texts, shared by
// the create/edit forms (so the user hears about it before a round trip) and the fake apiserver.

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const SHAPE = new RegExp(SPLIT_RE);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const SUFFIX = /^(|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)$/;

/**
 * apimachinery's resource.ParseQuantity, as far as accepting or refusing goes: undefined when the text is a
 * quantity, else Go's error text. The empty string is "not set" for the apiserver (ValidateQuantity), so it passes.
 */
export function quantityError(text: string): string | undefined {
  if (text === '') return undefined;
  const m = SHAPE.exec(text);
  if (!m || !NUMBER.test(m[1]!)) return `quantities must match the regular expression '${SPLIT_RE}'`;
  if (!SUFFIX.test(m[2]!)) return "unable to parse quantity's suffix";
  return undefined;
}

/** Value of a quantity in base units (cores, bytes), for "is it positive" checks. */
export function quantityValue(text: string): number | undefined {
  if (quantityError(text) || text === '') return undefined;
  const m = SHAPE.exec(text)!;
  const num = Number(m[1]);
  const suffix = m[2]!;
  const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
  const decimal: Record<string, number> = { '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  if (suffix in binary) return num * binary[suffix]!;
  if (suffix in decimal) return num * decimal[suffix]!;
  return num * 10 ** Number(suffix.slice(1));
}

export const CPU_REQUEST_ERROR = (value: string, err: string) => `could not parse CPU request "${value}":${err} (hint: try a value like "1" or "100m")`;
export const MEMORY_REQUEST_ERROR = (value: string, err: string) => `could not parse memory request "${value}":${err} (hint: try a value like "1Gi")`;
export const PVC_SIZE_ERROR = (value: string, err: string) => `could not parse PVC size "${value}": ${err} (hint: try a value like "1Gi")`;

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** apimachinery's IsDNS1035Label: the first error text, or undefined. */
export function dns1035Error(name: string): string | undefined {
  if (name.length > 63) return 'must be no more than 63 characters';
  if (!DNS1035.test(name)) {
    return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  }
  return undefined;
}

export const VERSION_MISMATCH_MSG = 'pgo client and server version mismatch';
