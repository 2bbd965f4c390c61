import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../../src/mocks/tcp/self-signed-cert.js';

describe('createSelfSignedCertificate', () => {
  it('makes a certificate that parses, verifies with its own key and names the device', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const made = createSelfSignedCertificate(
      { commonName: 'ipcam-hall', organization: 'Acme Cameras', altNames: ['127.79.0.1', 'ipcam-hall.local'] },
      now,
    );
    const certificate = new X509Certificate(made.certPem);
    expect(certificate.subject).toContain('CN=ipcam-hall');
    expect(certificate.subject).toContain('O=Acme Cameras');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.subjectAltName).toContain('IP Address:127.79.0.1');
    expect(certificate.subjectAltName).toContain('DNS:ipcam-hall.local');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(made.keyPem))).toBe(true);
    expect(new Date(certificate.validFrom).getTime()).toBeLessThan(now.getTime());
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(now.getTime());
    expect(certificate.ca).toBe(false);
  });

  it('gives every call its own key', () => {
    const subject = { commonName: 'a', organization: 'b', altNames: [] };
    expect(createSelfSignedCertificate(subject).keyPem).not.toBe(createSelfSignedCertificate(subject).keyPem);
  });
});
