import { SyntaxFamily, SyntaxRuleDocs, syntaxFamilyRule } from './syntax-family-rule';
import { SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { egressHostProblems } from '../../syntax/egress-host';
import { memoByText } from '../../syntax/memo-by-text';

const EGRESS_HOSTS: SyntaxFamily = {
  values: (sidecar) => sidecarView(sidecar).hosts.map(({ host, path }) => ({ value: host, path })),
  // Frozen: one result is shared by every Sidecar that writes the value.
  problems: memoByText((text) => Object.freeze(egressHostProblems(text))),
  describe: (host) => `egress host "${host}"`,
};

/** A rule of the egress host family (the parser `EgressHost.parse` uses too). */
export function egressHostSyntaxRule(docs: SyntaxRuleDocs): SidecarRule {
  return syntaxFamilyRule(EGRESS_HOSTS, docs);
}
