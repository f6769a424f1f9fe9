// IONOS error bodies (docs/ionos.md §2): {httpStatus, messages: [{errorCode, message}]}, served as problem+json.
// Real errorCode values are not published; these follow the spec example's "dbaas-err-api-NNN" form.
import type { FakeResponse } from '../kit.js';

export interface IonosErrorBody {
  httpStatus: number;
  messages: Array<{ errorCode: string; message: string }>;
}

export function errorBody(status: number, messages: string[]): IonosErrorBody {
  return { httpStatus: status, messages: messages.map((message, i) => ({ errorCode: `dbaas-err-api-${status}${i ? `-${i}` : ''}`, message })) };
}

export function errorResponse(status: number, messages: string | string[]): FakeResponse {
  return { status, body: errorBody(status, Array.isArray(messages) ? messages : [messages]), contentType: 'application/problem+json' };
}

/** Thrown inside the fake's handlers; becomes an error response with one message per problem. */
export class HttpFail extends Error {
  readonly messages: string[];
  constructor(
    readonly status: number,
    messages: string | string[],
  ) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.messages = list;
  }
}
