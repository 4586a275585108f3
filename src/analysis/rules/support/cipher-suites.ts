// The cipher-suite names Istio's webhook knows (BoringSSL's OpenSSL-style names, without the
// PSK suites), as listed in istio/istio pkg/config/security/security.go.
export const KNOWN_CIPHER_SUITES: readonly string[] = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
];

/**
 * Whether Istio accepts a cipherSuites entry. "" and "ALL" pass, and so does anything not
 * starting with a letter or digit ("-", "+", "!" expressions), which Istio does not parse.
 * Istio tests the first byte, so a name starting with a non-ASCII letter is checked (and unknown).
 */
export function isKnownCipherSuite(entry: string): boolean {
  if (entry === '' || entry === 'ALL') return true;
  if (entry.charCodeAt(0) < 0x80 && !/^[A-Za-z0-9]/.test(entry)) return true;
  return KNOWN_CIPHER_SUITES.includes(entry);
}
