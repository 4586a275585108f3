// Shared building blocks of the ingress TLS rule tables.
export const HTTPS_PORT = { number: 8443, protocol: 'HTTPS', name: 'https' };
export const CERT = '/etc/certs/cert.pem';
export const KEY = '/etc/certs/key.pem';
export const CA = '/etc/certs/ca.pem';
export const SIMPLE = { mode: 'SIMPLE', serverCertificate: CERT, privateKey: KEY };
export const MUTUAL = { mode: 'MUTUAL', serverCertificate: CERT, privateKey: KEY, caCertificates: CA };

/** A spec with one HTTPS ingress listener (or one per TLS block given). */
export function withTls(...blocks: unknown[]): { ingress: unknown[] } {
  return { ingress: blocks.map((tls, i) => ({ port: { ...HTTPS_PORT, number: HTTPS_PORT.number + i }, tls })) };
}
