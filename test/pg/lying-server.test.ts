// Servers that lie at the protocol level: one that accepts and never answers, one that answers the start-up
// with hostile bytes. The session gives up in bounded time with one safe line.
import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { generateTestPkiAsync } from '../../src/fake/certs.js';
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

/** One backend message: type byte, int32 length (counting itself), body. */
function msg(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
/** RowDescription of text columns. */
const rowDescription = (names: string[]) =>
  msg('T', Buffer.concat([int16(names.length), ...names.map((n) => Buffer.concat([Buffer.from(`${n}\0`), int32(0), int16(0), int32(25), int16(-1), int32(-1), int16(0)]))]));
const dataRow = (values: string[]) => msg('D', Buffer.concat([int16(values.length), ...values.map((v) => Buffer.concat([int32(Buffer.byteLength(v)), Buffer.from(v)]))]));
const ready = () => msg('Z', Buffer.from('I'));
const complete = (tag: string) => msg('C', Buffer.from(`${tag}\0`));

/**
 * A server that speaks just enough of the protocol: it lets anyone in (AuthenticationOk), answers pgtui's first
 * query (its pid and version) truthfully, and every later simple query with `answer`. Counts what it sent.
 */
function fakePostgres(answer: (s: Socket) => void, tls?: { key: string; cert: string }): Promise<number> {
  return listen((raw) => {
    let s: Socket = raw;
    let buf = Buffer.alloc(0);
    let started = false;
    let queries = 0;
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        if (!started) {
          if (buf.length < 4 || buf.length < buf.readInt32BE(0)) return;
          const length = buf.readInt32BE(0);
          // SSLRequest: yes, and the rest of the conversation goes through TLS.
          if (tls && length === 8 && buf.readInt32BE(4) === 80877103) {
            buf = Buffer.alloc(0);
            raw.removeListener('data', onData);
            raw.write('S');
            s = new TLSSocket(raw, { isServer: true, key: tls.key, cert: tls.cert });
            s.on('error', () => undefined);
            s.on('data', onData);
            return;
          }
          buf = buf.subarray(length);
          started = true;
          s.write(Buffer.concat([msg('R', int32(0)), ready()]));
          continue;
        }
        if (buf.length < 5 || buf.length < buf.readInt32BE(1) + 1) return;
        const type = String.fromCharCode(buf[0]!);
        buf = buf.subarray(buf.readInt32BE(1) + 1);
        if (type === 'X') return void s.end();
        if (type !== 'Q') continue;
        if (queries++ === 0) s.write(Buffer.concat([rowDescription(['pid', 'v']), dataRow(['4242', '150004']), complete('SELECT 1'), ready()]));
        else answer(s);
      }
    };
    raw.on('data', onData);
  });
}

/** The header and the start of a DataRow announcing 1 GB; the rest never comes. */
const hugeRowStart = () => {
  const head = Buffer.alloc(5);
  head.write('D', 0, 'latin1');
  head.writeUInt32BE(1024 * 1024 * 1024, 1);
  return Buffer.concat([rowDescription(['big']), head, int16(1), int32(1024 * 1024 * 1024 - 10), Buffer.alloc(64 * 1024, 0x61)]);
};

describe('a server that sends more than pgtui takes', () => {
  it('one message announcing 1 GB: the query fails in one line at once, and pgtui closes the connection', async () => {
    let closed = false;
    const port = await fakePostgres((s) => {
      s.on('close', () => (closed = true));
      s.write(hugeRowStart()); // pgtui must not wait to buffer the rest
    });
    const session = await connectPg(conn(port));
    try {
      const err = await session.query('SELECT big').then(() => undefined, (e: unknown) => e as PgSessionError);
      expect(err).toBeInstanceOf(PgSessionError);
      expect(err!.message).toBe("127.0.0.1: the server announced a message of 1024 MB, over pgtui's limit of 16 MB; the connection was closed");
      expect(err!.message.split('\n')).toHaveLength(1);
      await expect.poll(() => closed, { timeout: 10_000 }).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('the same over TLS: the cap reads the decrypted messages', async () => {
    const pki = await generateTestPkiAsync({ clientName: 'admin' });
    const port = await fakePostgres((s) => void s.write(hugeRowStart()), pki.server);
    const session = await connectPg({ ...conn(port), sslmode: 'require' });
    try {
      await expect(session.query('SELECT big')).rejects.toThrow("the server announced a message of 1024 MB, over pgtui's limit of 16 MB; the connection was closed");
    } finally {
      await session.close();
    }
  });

  it('many rows under the message cap that add up past the answer cap: refused the same way', async () => {
    const row = dataRow(['x'.repeat(32 * 1024)]);
    const port = await fakePostgres((s) => {
      // Past 1 MB in 32 kB rows, and no end of the answer yet.
      s.write(Buffer.concat([rowDescription(['r']), ...Array.from({ length: 40 }, () => row)]));
    });
    const session = await connectPg(conn(port), { limits: { maxMessageBytes: 64 * 1024, maxResponseBytes: 1024 * 1024 } });
    try {
      await expect(session.query('SELECT r')).rejects.toThrow("the server's answer passed 1.0 MB, pgtui's limit for one answer; the connection was closed");
    } finally {
      await session.close();
    }
  });

  it('answers under the caps arrive whole, however the bytes are split on the way', async () => {
    const row = dataRow(['y'.repeat(30 * 1024)]);
    const port = await fakePostgres((s) => {
      const all = Buffer.concat([rowDescription(['r']), ...Array.from({ length: 20 }, () => row), complete('SELECT 20'), ready()]);
      // Odd-sized pieces, so that headers straddle the writes.
      for (let i = 0; i < all.length; i += 7919) s.write(all.subarray(i, i + 7919));
    });
    const session = await connectPg(conn(port), { limits: { maxMessageBytes: 64 * 1024, maxResponseBytes: 1024 * 1024 } });
    try {
      for (let round = 0; round < 3; round++) {
        const rows = await session.query<{ r: string }>('SELECT r');
        expect(rows).toHaveLength(20);
        expect(rows.every((r) => r.r.length === 30 * 1024)).toBe(true);
      }
    } finally {
      await session.close();
    }
  });
});
