import { tlsCaRequired } from './s-in-tls-ca-required';
import { tlsCel } from './s-in-tls-cel';
import { tlsCertificatesList } from './s-in-tls-certificates-list';
import { tlsCiphers } from './s-in-tls-ciphers';
import { tlsCredentialName } from './s-in-tls-credential-name';
import { tlsCredentialNames } from './s-in-tls-credential-names';
import { tlsCrl } from './s-in-tls-crl';
import { tlsHttpsRedirect } from './s-in-tls-https-redirect';
import { tlsModeDefaultPassthrough } from './s-in-tls-mode-default-passthrough';
import { tlsModeForbidden } from './s-in-tls-mode-forbidden';
import { tlsOldVersion } from './s-in-tls-old-version';
import { tlsPassthroughIgnoresCerts } from './s-in-tls-passthrough-ignores-certs';
import { tlsPortProtocol } from './s-in-tls-port-protocol';
import { tlsSubjectAltNames } from './s-in-tls-san';
import { tlsServerCertRequired } from './s-in-tls-server-cert-required';
import { Rule } from '../../rule';

export const TLS_RULES: readonly Rule[] = [
  tlsPortProtocol,
  tlsModeForbidden,
  tlsModeDefaultPassthrough,
  tlsSubjectAltNames,
  tlsHttpsRedirect,
  tlsCredentialName,
  tlsCredentialNames,
  tlsCertificatesList,
  tlsServerCertRequired,
  tlsCaRequired,
  tlsCrl,
  tlsPassthroughIgnoresCerts,
  tlsOldVersion,
  tlsCiphers,
  tlsCel,
];
