// Throwaway PKI for the PGO fake and its tests: a CA, a server certificate for 127.0.0.1/localhost, a client
// certificate (CN = a pgo username) and an unrelated second CA for "wrong CA" cases. Keys come from Node's
// native RSA generator and Node signs; node-forge only assembles the X.509 certificates (its RSA in JavaScript
// took ~0.5 s of CPU per PKI, most of `pgtui --demo`'s start: docs/startup.md, "The demo").
import { generateKeyPair, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface TestPki {
  ca: KeyAndCert;
  server: KeyAndCert;
  client: KeyAndCert;
  /** A CA that signed nothing above: trusting it must fail, and certificates it signs must be refused. */
  readonly otherCa: KeyAndCert;
  /** A client certificate signed by otherCa (a client the server must not accept). Both are generated on first access. */
  readonly strangerClient: KeyAndCert;
  /** CN of the client certificate. */
  clientName: string;
}

export interface TestPkiOptions {
  /** CN of the client certificate (default "admin"). */
  clientName?: string;
  /** Validity in days (default 30). */
  days?: number;
  /** RSA modulus length (default 2048). */
  bits?: number;
}

export interface TestPkiPaths {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** Only with `{ strangers: true }`. */
  otherCaCert?: string;
  strangerClientCert?: string;
  strangerClientKey?: string;
}

interface Keys {
  pem: string;
  pub: forge.pki.rsa.PublicKey;
}

const KEY_OPTIONS = (bits: number) =>
  ({
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  }) as const;

function rsaKeys(bits: number): Keys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', KEY_OPTIONS(bits));
  return forgeKeys(privateKey, publicKey);
}

function rsaKeysAsync(bits: number): Promise<Keys> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', KEY_OPTIONS(bits), (err, publicKey, privateKey) => (err ? reject(err) : resolve(forgeKeys(privateKey, publicKey)))),
  );
}

function forgeKeys(privateKey: string, publicKey: string): Keys {
  return {
    pem: privateKey,
    pub: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

let serialCounter = 1;
function serial(): string {
  // Positive, unique within the process; random prefix so two PKIs never share serials.
  const rand = Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
  return `01${rand}${(serialCounter++).toString(16).padStart(6, '0')}`;
}

interface CertSpec {
  cn: string;
  keys: Keys;
  issuer?: { cert: forge.pki.Certificate; keys: Keys };
  days: number;
  extensions: object[];
}

function makeCert(spec: CertSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.keys.pub;
  cert.serialNumber = serial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60_000);
  cert.validity.notAfter = new Date(now + spec.days * 86_400_000);
  const subject = [{ name: 'commonName', value: spec.cn }, { name: 'organizationName', value: 'pgtui test' }];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  cert.setExtensions([...spec.extensions, { name: 'subjectKeyIdentifier' }]);
  // forge's sign() sets the algorithm and builds tbsCertificate, then asks the key to sign: Node does that part.
  const signer = (spec.issuer?.keys ?? spec.keys).pem;
  const nativeKey = { sign: () => sign('sha256', Buffer.from(forge.asn1.toDer(cert.tbsCertificate).getBytes(), 'binary'), signer).toString('binary') };
  cert.sign(nativeKey as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return cert;
}

function makeCa(cn: string, keys: Keys, days: number): Ca {
  const cert = makeCert({
    cn,
    keys,
    days,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert, keys };
}

function leaf(cn: string, ca: Ca, keys: Keys, days: number, role: 'server' | 'client'): KeyAndCert {
  const extensions: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: role === 'server', clientAuth: role === 'client' },
  ];
  if (role === 'server') {
    extensions.push({
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    });
  }
  const cert = makeCert({ cn, keys, issuer: ca, days, extensions });
  return { key: keys.pem, cert: forge.pki.certificateToPem(cert) };
}

interface Ca {
  cert: forge.pki.Certificate;
  keys: Keys;
}

function toPem(ca: Ca): KeyAndCert {
  return { key: ca.keys.pem, cert: forge.pki.certificateToPem(ca.cert) };
}

/** The "wrong CA" half is built on first use: most callers (the demo) never need it, and each key costs ~200 ms. */
function assemble(ca: Ca, server: KeyAndCert, client: KeyAndCert, clientName: string, bits: number, days: number): TestPki {
  let other: Ca | undefined;
  let stranger: KeyAndCert | undefined;
  const otherCa = () => (other ??= makeCa('pgtui unrelated CA', rsaKeys(bits), days));
  return {
    ca: toPem(ca),
    server,
    client,
    clientName,
    get otherCa() {
      return toPem(otherCa());
    },
    get strangerClient() {
      return (stranger ??= leaf(clientName, otherCa(), rsaKeys(bits), days, 'client'));
    },
  };
}

/** Generates a fresh PKI synchronously (three 2048-bit keys, ~0.6 s on a 2-core machine). */
export function generateTestPki(opts: TestPkiOptions = {}): TestPki {
  const bits = opts.bits ?? 2048;
  const days = opts.days ?? 30;
  const clientName = opts.clientName ?? 'admin';
  const ca = makeCa('pgtui test CA', rsaKeys(bits), days);
  const server = leaf('pgo-apiserver', ca, rsaKeys(bits), days, 'server');
  const client = leaf(clientName, ca, rsaKeys(bits), days, 'client');
  return assemble(ca, server, client, clientName, bits, days);
}

/** Same, but the three keys are generated in parallel on libuv's thread pool (for start-up paths like the demo). */
export async function generateTestPkiAsync(opts: TestPkiOptions = {}): Promise<TestPki> {
  const bits = opts.bits ?? 2048;
  const days = opts.days ?? 30;
  const clientName = opts.clientName ?? 'admin';
  const [caKeys, serverKeys, clientKeys] = await Promise.all([rsaKeysAsync(bits), rsaKeysAsync(bits), rsaKeysAsync(bits)]);
  const ca = makeCa('pgtui test CA', caKeys, days);
  const server = leaf('pgo-apiserver', ca, serverKeys, days, 'server');
  const client = leaf(clientName, ca, clientKeys, days, 'client');
  return assemble(ca, server, client, clientName, bits, days);
}

/** Writes the PKI as PEM files (keys mode 0600) into `dir` and returns their paths; profiles reference them by path. */
export function writeTestPki(dir: string, pki: TestPki = generateTestPki(), opts: { strangers?: boolean } = {}): TestPkiPaths {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const write = (name: string, text: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode });
    chmodSync(path, mode); // writeFileSync's mode only applies to new files
    return path;
  };
  const paths: TestPkiPaths = {
    caCert: write('ca.crt', pki.ca.cert, 0o644),
    serverCert: write('server.crt', pki.server.cert, 0o644),
    serverKey: write('server.key', pki.server.key, 0o600),
    clientCert: write('client.crt', pki.client.cert, 0o644),
    clientKey: write('client.key', pki.client.key, 0o600),
  };
  if (opts.strangers) {
    paths.otherCaCert = write('other-ca.crt', pki.otherCa.cert, 0o644);
    paths.strangerClientCert = write('stranger-client.crt', pki.strangerClient.cert, 0o644);
    paths.strangerClientKey = write('stranger-client.key', pki.strangerClient.key, 0o600);
  }
  return paths;
}
