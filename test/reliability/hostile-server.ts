// A loopback server of one's own that misbehaves as a case says, recording every request (method, path, query
// and headers: what pgtui sent, credentials included), and the pgtui executable run against profiles.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Profile } from '../../src/api/profile.js';
import { BIN, cleanEnv, configWith, type Run } from '../cli/helpers.js';

export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface HostileServer {
  url: string;
  port: number;
  requests: Seen[];
  /** Resolves when the server has seen `n` requests in all (the next one when not given). */
  nextRequest(n?: number): Promise<void>;
  close(): Promise<void>;
}

export async function hostileServer(handler: (req: http.IncomingMessage, res: http.ServerResponse, q: URLSearchParams) => void, host = '127.0.0.1'): Promise<HostileServer> {
  const requests: Seen[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, at: Date.now() });
    for (const w of waiters.splice(0)) {
      if (requests.length >= w.n) w.resolve();
      else waiters.push(w);
    }
    res.on('error', () => {});
    handler(req, res, url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    nextRequest: (n = requests.length + 1) => (requests.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const sendJson = (res: http.ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** Runs pgtui with only `profiles` configured; `ms` is how long it ran. */
export function runPgtui(args: string[], profiles: Profile[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run & { ms: number }> {
  const dir = configWith(profiles);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--config-dir', dir, ...args], { env: cleanEnv(dir, opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
