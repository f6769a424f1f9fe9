// undici as pgtui's transport (transport.ts). Loaded only when asked for: its bundle chunk costs ~40 ms to load
// and compile at start-up (docs/startup.md). Tests hand in their own dispatcher through this transport.
import type { Agent, Dispatcher } from 'undici';
import type { Transport, TransportOptions } from './transport.js';

let undiciModule: Promise<typeof import('undici')> | undefined;
function loadUndici(): Promise<typeof import('undici')> {
  // A code-split bundle hands a CommonJS package over as `default` (its module.exports); Node itself gives both.
  undiciModule ??= import('undici').then((m) => (m as { default?: typeof import('undici') }).default ?? m);
  return undiciModule;
}

export function undiciTransport({ tls, dispatcher }: TransportOptions & { dispatcher?: Dispatcher } = {}): Transport {
  let agent: Agent | undefined;
  const dispatcherFor = async (): Promise<Dispatcher> => {
    if (dispatcher) return dispatcher;
    if (!agent) {
      const { Agent } = await loadUndici();
      agent = new Agent({
        keepAliveTimeout: 10_000,
        connections: 16,
        connect: { ca: tls?.ca, cert: tls?.cert, key: tls?.key, rejectUnauthorized: !tls?.insecure },
      });
    }
    return agent;
  };
  return {
    async send(url, req) {
      const { request } = await loadUndici();
      const res = await request(url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        dispatcher: await dispatcherFor(),
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const destroy = () => {
        res.body.on('error', () => undefined); // undici reports its own abort; nobody reads the body any more
        res.body.destroy();
      };
      return { statusCode: res.statusCode, headers: res.headers, body: res.body as AsyncIterable<Buffer>, destroy };
    },
    async close() {
      const a = agent;
      agent = undefined;
      await a?.close();
    },
  };
}
