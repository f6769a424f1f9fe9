// The PGO fake's own copy of the 4.3 apiserver's constants and checks, written from
// test/contract/specs/crunchy-pgo-4.3-apiserver.json and the apiserver/apimachinery sources it describes (state
// names, message texts, quantity and DNS-1035 parsing), never imported from the client.
// test/contract/constants.test.ts checks this file against the spec and the client's copies against it.

/** Pgcluster status.state values (messages.Pgcluster.statusStates). */
export const STATE = {
  created: 'pgcluster Created',
  processed: 'pgcluster Processed',
  initialized: 'pgcluster Initialized',
  restoring: 'pgcluster Restoring',
  shutdown: 'pgcluster Shutdown',
} as const;

/** server.versionMismatchMsg */
export const VERSION_MISMATCH_MSG = 'pgo client and server version mismatch';

// apiserver/clusterservice (v4.3.0) error texts; the quantity error is Go's text, appended as the server does.
export const CPU_REQUEST_ERROR = (value: string, err: string) => `could not parse CPU request "${value}":${err} (hint: try a value like "1" or "100m")`;
export const MEMORY_REQUEST_ERROR = (value: string, err: string) => `could not parse memory request "${value}":${err} (hint: try a value like "1Gi")`;
export const PVC_SIZE_ERROR = (value: string, err: string) => `could not parse PVC size "${value}": ${err} (hint: try a value like "1Gi")`;

// apimachinery resource.ParseQuantity: the split expression and the suffixes it knows.
const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const SHAPE = new RegExp(SPLIT_RE);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const SUFFIX = /^(|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)$/;

/** ParseQuantity's error text, or undefined; the empty string is "not set" for the apiserver, so it passes. */
export function quantityError(text: string): string | undefined {
  if (text === '') return undefined;
  const m = SHAPE.exec(text);
  if (!m || !NUMBER.test(m[1]!)) return `quantities must match the regular expression '${SPLIT_RE}'`;
  if (!SUFFIX.test(m[2]!)) return "unable to parse quantity's suffix";
  return undefined;
}

// apimachinery validation.IsDNS1035Label.
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
export const DNS1035_MAX = 63;

export function dns1035Error(name: string): string | undefined {
  if (name.length > DNS1035_MAX) return `must be no more than ${DNS1035_MAX} characters`;
  if (!DNS1035.test(name)) {
    return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  }
  return undefined;
}

/**
 * pgo.yaml's CCPImageTag per operator release: what a create with an empty tag gets. 4.3.0 and 4.3.2 from their
 * release manifests (src/api/pgo/forms.ts); 4.3.4's from its release notes (docs/fakes.md, PGO).
 */
const DEFAULT_PG: Record<string, string> = { '4.3.0': '12.2', '4.3.2': '12.3', '4.3.4': '12.5' };
export const defaultImageTag = (serverVersion: string) => `centos7-${DEFAULT_PG[serverVersion] ?? '12.2'}-${serverVersion}`;
