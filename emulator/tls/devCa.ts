import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import forge from 'node-forge';

/** PEM material a local HTTPS server needs: its key and certificate, plus the CA clients must trust. */
export interface DevTls {
  key: string;
  cert: string;
  ca: string;
}

/** Where the throwaway CA and leaf live: `.local/tls` under the repo root (npm scripts run there). */
export function devTlsDir(root: string = process.cwd()): string {
  return resolve(root, '.local', 'tls');
}

const FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', cert: 'localhost.pem', key: 'localhost-key.pem' } as const;

function newCert(publicKey: forge.pki.PublicKey, years: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A random positive serial: browsers and OpenSSL reject duplicates across re-creations.
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 86_400_000);
  return cert;
}

function createCa(): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = newCert(keys.publicKey, 10);
  const subject = [{ name: 'commonName', value: 'Gatekeeper local dev CA (throwaway)' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

function createLeaf(ca: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey }) {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = newCert(keys.publicKey, 2);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // type 2 = DNS name, type 7 = IP address
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key: keys.privateKey };
}

/**
 * Creates the throwaway CA and the localhost leaf it signs, unless they already exist (idempotent).
 * Returns true when it wrote new files.
 */
export function ensureDevTls(dir: string = devTlsDir()): boolean {
  const paths = Object.values(FILES).map((f) => join(dir, f));
  if (paths.every((p) => existsSync(p))) return false;
  mkdirSync(dir, { recursive: true });
  const ca = createCa();
  const leaf = createLeaf(ca);
  const pem = forge.pki.certificateToPem;
  writeFileSync(join(dir, FILES.caKey), forge.pki.privateKeyToPem(ca.key), { mode: 0o600 });
  writeFileSync(join(dir, FILES.key), forge.pki.privateKeyToPem(leaf.key), { mode: 0o600 });
  writeFileSync(join(dir, FILES.cert), pem(leaf.cert));
  // ca.pem last: other processes take its presence as "ready".
  writeFileSync(join(dir, FILES.ca), pem(ca.cert));
  return true;
}

/** Reads the dev key, certificate and CA (creating them first when missing). */
export function loadDevTls(dir: string = devTlsDir()): DevTls {
  ensureDevTls(dir);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { key: read(FILES.key), cert: read(FILES.cert), ca: read(FILES.ca) };
}
