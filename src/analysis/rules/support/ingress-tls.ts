// Shared by the ingress TLS rules: where the TLS blocks are and how Istio reads their fields.
import { ingressListeners, perSidecar } from './sidecar-fields';
import { Severity } from '../../finding';
import { JsonObject, fieldPath, objectAt, isPresent as isPresentValue } from '../../manifest';
import { RuleDocs, RuleSource, SidecarRule } from '../../rule';
import { SidecarResource } from '../../snapshot';

export interface IngressTlsAt {
  readonly tls: JsonObject;
  readonly listener: JsonObject;
  /** e.g. `spec.ingress[0]`. */
  readonly listenerPath: string;
  /** e.g. `spec.ingress[0].tls`. */
  readonly path: string;
}

/** Every ingress listener's `tls` object; `tls: {}` counts, a null or wrong-typed one does not. */
export const ingressTlsBlocks: (sidecar: SidecarResource) => readonly IngressTlsAt[] = perSidecar((sidecar) =>
  ingressListeners(sidecar).flatMap(({ listener, path }) => {
    const tls = objectAt(listener, 'tls');
    return tls ? [{ tls, listener, listenerPath: path, path: fieldPath(path, 'tls') }] : [];
  }));

/** Modes that terminate TLS with file certificates: the ones sidecar ingress is meant for. */
export const TERMINATING_MODES: readonly string[] = ['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL'];

/**
 * The mode Istio acts on: an omitted (or null) mode is the proto zero value, PASSTHROUGH.
 * Undefined when the mode is not a string (the schema rule reports that).
 */
export function effectiveMode(tls: JsonObject): string | undefined {
  const mode = tls.mode;
  if (mode === undefined || mode === null) return 'PASSTHROUGH';
  return typeof mode === 'string' ? mode : undefined;
}

const LIST_FIELDS: readonly string[] = [
  'subjectAltNames', 'credentialNames', 'tlsCertificates', 'cipherSuites', 'ecdhCurves', 'verifyCertificateSpki', 'verifyCertificateHash',
];
const BOOLEAN_FIELDS: readonly string[] = ['httpsRedirect', 'insecureSkipVerify'];

/**
 * Whether a field counts as set the way Istio's webhook tests it: a non-empty string or list,
 * or true. A value of the wrong type is not set here (the schema rule reports it).
 */
export function isSet(tls: JsonObject, key: string): boolean {
  const value = tls[key];
  if (LIST_FIELDS.includes(key)) return Array.isArray(value) && value.length > 0;
  if (BOOLEAN_FIELDS.includes(key)) return value === true;
  return typeof value === 'string' && value.length > 0;
}

/** Whether a field is present at all, as the CRD's CEL `has()` sees it (empty values count). */
export function isPresent(tls: JsonObject, key: string): boolean {
  return isPresentValue(tls[key]);
}

/** A string field that is missing or empty; a wrong-typed value is the schema rule's to report. */
export function isMissingText(tls: JsonObject, key: string): boolean {
  const value = tls[key];
  return value === undefined || value === null || value === '';
}

type UnsupportedFieldDocs = Omit<RuleDocs, 'severity' | 'sources' | 'references'> & {
  /** The ServerTLSSettings field Sidecars do not support. */
  readonly field: string;
  /** Completes "tls.<field> is not supported on a Sidecar: ..." with why and what to do instead. */
  readonly advice: string;
};

/** A field Istio's webhook rejects on sidecar ingress TLS whenever it is set. */
export function unsupportedTlsFieldRule(docs: UnsupportedFieldDocs): SidecarRule {
  const { field, advice, ...ruleDocs } = docs;
  return {
    ...ruleDocs,
    scope: 'sidecar',
    severity: Severity.ERROR,
    sources: [RuleSource.WEBHOOK],
    references: ['IST0106'],
    check(sidecar, report) {
      for (const { tls, path } of ingressTlsBlocks(sidecar)) {
        if (isSet(tls, field)) report(fieldPath(path, field), `tls.${field} is not supported on a Sidecar: ${advice}`);
      }
    },
  };
}

/** TLS settings that pass every TLS rule, for rule examples. */
export const SIMPLE_TLS = { mode: 'SIMPLE', serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' };
export const HTTPS_PORT = { number: 8443, protocol: 'HTTPS', name: 'https' };
