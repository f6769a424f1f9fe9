// Node's own http/https as pgtui's transport (transport.ts): no module to load or compile, keep-alive pooling
// like undici's agent (16 connections per origin, idle sockets closed after 10 s or the server's Keep-Alive hint).
import http from 'node:http';
import type https from 'node:https';
import { IDLE_TIMEOUT, type Transport, type TransportOptions, type TransportRequest, type TransportResponse } from './transport.js';

const AGENT = { keepAlive: true, maxSockets: 16, timeout: 10_000 } as const;

// node:https brings tls and crypto (~5 ms to load): only when a profile's URL is https.
const httpsModule = () => process.getBuiltinModule('node:https') as typeof https;

export function nodeTransport({ tls }: TransportOptions = {}): Transport {
  let plain: http.Agent | undefined;
  let secure: https.Agent | undefined;
  const agentFor = (isHttps: boolean) =>
    isHttps
      ? (secure ??= new (httpsModule().Agent)({ ...AGENT, ca: tls?.ca, cert: tls?.cert, key: tls?.key, rejectUnauthorized: !tls?.insecure }))
      : (plain ??= new http.Agent(AGENT));
  return {
    send(url, req) {
      return send(url, req, agentFor);
    },
    async close() {
      plain?.destroy();
      secure?.destroy();
      plain = secure = undefined;
    },
  };
}

function send(url: string, req: TransportRequest, agentFor: (https: boolean) => http.Agent): Promise<TransportResponse> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    let response: http.IncomingMessage | undefined;
    const out = (isHttps ? httpsModule() : http).request(target, { method: req.method, headers: req.headers, agent: agentFor(isHttps), signal: req.signal }, (res) => {
      response = res;
      resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res, destroy: () => res.destroy() });
    });
    // The socket's idle timer: no headers yet, or no body chunk for this long. A timeout ends the body stream
    // with the same error, so a half-read body fails instead of ending short.
    out.setTimeout(req.timeoutMs, () => {
      const err = Object.assign(new Error(`no data for ${req.timeoutMs} ms`), { code: IDLE_TIMEOUT });
      response?.destroy(err);
      out.destroy(err);
    });
    out.on('error', (err) => {
      if (response) response.destroy(err);
      else reject(err);
    });
    out.end(req.body);
  });
}
