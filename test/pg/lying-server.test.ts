// Servers that lie at the protocol level: one that accepts and never answers, one that answers the start-up
// with hostile bytes. The session gives up in bounded time with one safe line.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPg, PgSessionError } from '../../src/pg/session.js';
import { hasUnsafe } from '../../src/text/safe.js';

let server: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function listen(onSocket: (s: Socket) => void): Promise<number> {
  server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server!.address() as { port: number }).port;
}

const conn = (port: number) => ({ host: '127.0.0.1', port, database: 'postgres', user: 'u', password: 'p', sslmode: 'disable' as const });

describe('a server that lies', () => {
  it('accepts and never answers: the connect gives up after connectTimeoutMs', async () => {
    const port = await listen(() => undefined);
    const started = Date.now();
    const err = await connectPg(conn(port), { limits: { connectTimeoutMs: 300 } }).then(() => undefined, (e: unknown) => e as PgSessionError);
    expect(err).toBeInstanceOf(PgSessionError);
    expect(err!.problem).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers with an error message full of escape sequences: shown as one safe line', async () => {
    const port = await listen((s) => {
      s.once('data', () => {
        const text = 'FATAL\u0000C28000\u0000M\u001b]0;owned\u0007\u001b[2Jno\nway\u009b31m\u0000\u0000';
        const body = Buffer.from(`S${text}`, 'latin1');
        const head = Buffer.alloc(5);
        head.write('E', 0, 'latin1');
        head.writeInt32BE(body.length + 4, 1);
        s.end(Buffer.concat([head, body]));
      });
    });
    const err = await connectPg(conn(port)).then(() => undefined, (e: unknown) => e as PgSessionError);
    expect(err).toBeInstanceOf(PgSessionError);
    expect(err!.message).toContain('no way');
    expect(err!.message.split('\n')).toHaveLength(1);
    expect(hasUnsafe(err!.message)).toBe(false);
  });
});
