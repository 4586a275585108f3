import { tlsCaRequired } from './ca-required';
import { tlsCel } from './cel';
import { tlsCertificatesList } from './certificates-list';
import { tlsCiphers } from './ciphers';
import { tlsCredentialName } from './credential-name';
import { tlsCredentialNames } from './credential-names';
import { tlsCrl } from './crl';
import { tlsHttpsRedirect } from './https-redirect';
import { tlsModeDefaultPassthrough } from './mode-default-passthrough';
import { tlsModeForbidden } from './mode-forbidden';
import { tlsOldVersion } from './old-version';
import { tlsPassthroughIgnoresCerts } from './passthrough-ignores-certs';
import { tlsPortProtocol } from './port-protocol';
import { tlsServerCertRequired } from './server-cert-required';
import { tlsSubjectAltNames } from './subject-alt-names';
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
