// What http.ts's one request pipeline (retries, size cap, deadline, redirect refusal, typed errors) needs from a
// transport: send one request, hand back status, headers and the body as a stream. Two implementations:
// Node's own http/https (transport-node.ts, the default: nothing to load, ~40 ms less per start than undici) and
// undici (transport-undici.ts, when a test passes an undici dispatcher or PGTUI_HTTP=undici asks for it).
// docs/startup.md has the measurements.

export type Headers = Record<string, string | string[] | undefined>;

export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request and the body stream (the caller's cancel and the overall deadline). */
  signal: AbortSignal;
  /** Idle timeout: waiting for the headers, and each gap between body chunks. */
  timeoutMs: number;
}

export interface TransportResponse {
  statusCode: number;
  headers: Headers;
  body: AsyncIterable<Buffer>;
  /** Drops the connection without reading the rest of the body. */
  destroy(): void;
}

export interface Transport {
  send(url: string, req: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

export type TransportKind = 'node' | 'undici';

/**
 * Transport errors carry one of these codes (or Node's own: ECONNREFUSED, ECONNRESET, TLS codes …), so
 * http.ts's transportError reads both transports the same way.
 */
export const IDLE_TIMEOUT = 'ETIMEDOUT';

export interface TransportOptions {
  tls?: TlsOptions;
}

export interface TlsOptions {
  /** PEM text of the CA that signed the server certificate. */
  ca?: string;
  /** PEM text of the client certificate and key (mutual TLS). */
  cert?: string;
  key?: string;
  /** Skip server certificate verification. Only when a profile explicitly says so; the UI marks it. */
  insecure?: boolean;
}
