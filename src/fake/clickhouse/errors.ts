// ClickHouse Cloud error bodies: {status, error: "CODE: message", requestId}. The spec documents the shape for 400
// and 500; the fake uses it for every status (the real 401/403/404/409/429 texts are not published).

const PREFIX: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_SERVER_ERROR',
};

export function errorBody(status: number, message: string, requestId: string): { status: number; error: string; requestId: string } {
  const error = /^[A-Z_]+: /.test(message) ? message : `${PREFIX[status] ?? 'ERROR'}: ${message}`;
  return { status, error, requestId };
}

/** Thrown inside the fake's handlers; becomes an error response. */
export class HttpFail extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
