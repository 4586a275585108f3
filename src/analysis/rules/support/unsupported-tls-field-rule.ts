import { isSet } from './tls-settings';
import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleDocs, RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';

type UnsupportedFieldDocs = Omit<RuleDocs, 'severity' | 'sources' | 'references'> & {
  /** The ServerTLSSettings field Sidecars do not support. */
  readonly field: string;
  /** Completes "tls.<field> is not supported on a Sidecar: ..." with why and what to do instead. */
  readonly advice: string;
};

/** A rule about a field Istio's webhook rejects on sidecar ingress TLS whenever it is set. */
export function unsupportedTlsFieldRule(docs: UnsupportedFieldDocs): SidecarRule {
  const { field, advice, ...ruleDocs } = docs;
  return {
    ...ruleDocs,
    scope: 'sidecar',
    severity: Severity.ERROR,
    sources: [RuleSource.WEBHOOK],
    references: ['IST0106'],
    check(sidecar, report) {
      for (const { raw, path } of sidecarView(sidecar).tls) {
        if (isSet(raw, field)) report(fieldPath(path, field), `tls.${field} is not supported on a Sidecar: ${advice}`);
      }
    },
  };
}
