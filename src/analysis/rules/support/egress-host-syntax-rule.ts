import { SyntaxFamily, SyntaxRuleDocs, syntaxFamilyRule } from './syntax-family-rule';
import { SidecarRule } from '../../rule';
import { EgressHostAt, sidecarView } from '../../sidecar-view';
import { egressHostProblems } from '../../syntax/egress-host';

const EGRESS_HOSTS: SyntaxFamily<EgressHostAt> = {
  items: (sidecar) => sidecarView(sidecar).hosts,
  text: (host) => host.host,
  pathOf: (host) => host.path,
  problems: egressHostProblems,
  describe: (host) => `egress host "${host}"`,
};

/** A rule of the egress host family (the parser `EgressHost.parse` uses too). */
export function egressHostSyntaxRule(docs: SyntaxRuleDocs): SidecarRule {
  return syntaxFamilyRule(EGRESS_HOSTS, docs);
}
