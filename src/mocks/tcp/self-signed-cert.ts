// A fresh self-signed certificate per HTTPS persona, like the ones cameras and routers make on first boot.

import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIPv4 } from 'node:net';
import {
  bitString,
  boolean,
  contextPrimitive,
  explicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  unsignedInteger,
  utcTime,
  utf8String,
} from './der.js';

export interface SelfSignedCertificate {
  keyPem: string;
  certPem: string;
}

export interface CertificateSubject {
  commonName: string;
  organization?: string;
  /** Put in subjectAltName: IPv4 addresses as iPAddress, the rest as dNSName. */
  altNames: string[];
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
};

const DAY_MS = 24 * 60 * 60 * 1000;

function name(subject: CertificateSubject): Buffer {
  const attribute = (oid: string, value: string) => set(sequence(objectIdentifier(oid), utf8String(value)));
  const organization = subject.organization === undefined ? [] : [attribute(OID.organization, subject.organization)];
  return sequence(...organization, attribute(OID.commonName, subject.commonName));
}

function altName(entry: string): Buffer {
  if (isIPv4(entry)) return contextPrimitive(7, Buffer.from(entry.split('.').map(Number)));
  return contextPrimitive(2, Buffer.from(entry, 'ascii'));
}

function extensions(subject: CertificateSubject): Buffer {
  const notCa = sequence(objectIdentifier(OID.basicConstraints), boolean(true), octetString(sequence()));
  // RFC 5280: a subjectAltName extension must hold at least one name.
  if (subject.altNames.length === 0) return explicit(3, sequence(notCa));
  const san = sequence(
    objectIdentifier(OID.subjectAltName),
    octetString(sequence(...subject.altNames.map(altName))),
  );
  return explicit(3, sequence(notCa, san));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function createSelfSignedCertificate(
  subject: CertificateSubject,
  now: Date = new Date(),
): SelfSignedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const signatureAlgorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const serial = randomBytes(8);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = sequence(
    explicit(0, unsignedInteger(Buffer.from([2]))),
    unsignedInteger(serial),
    signatureAlgorithm,
    name(subject),
    sequence(utcTime(new Date(now.getTime() - DAY_MS)), utcTime(new Date(now.getTime() + 3650 * DAY_MS))),
    name(subject),
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions(subject),
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, signatureAlgorithm, bitString(signature));
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certPem: pem('CERTIFICATE', certificate),
  };
}
