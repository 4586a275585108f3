import { SyntaxFamily, SyntaxRuleDocs, syntaxFamilyRule } from './syntax-family-rule';
import { SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { egressHostProblems } from '../../syntax/egress-host';

const EGRESS_HOSTS: SyntaxFamily = {
  values: (sidecar) => sidecarView(sidecar).hosts.map(({ host, path }) => ({ value: host, path })),
  problems: egressHostProblems,
  describe: (host) => `egress host "${host}"`,
};

/** A rule of the egress host family (the parser `EgressHost.parse` uses too). */
export function egressHostSyntaxRule(docs: SyntaxRuleDocs): SidecarRule {
  return syntaxFamilyRule(EGRESS_HOSTS, docs);
}
