import { Severity } from '../../finding';
import { RuleDocs, RuleSource, SidecarRule } from '../../rule';
import { egressHostProblems } from '../../syntax/egress-host';
import { egressHosts } from '../sidecar-fields';

type HostRuleDocs = Omit<RuleDocs, 'severity' | 'sources' | 'references'>;

/**
 * The egress host rules share one parser (also used by `EgressHost.parse`); each rule reports
 * the problems the parser ties to its id.
 */
export function egressHostSyntaxRule(docs: HostRuleDocs): SidecarRule {
  return {
    ...docs,
    scope: 'sidecar',
    severity: Severity.ERROR,
    sources: [RuleSource.WEBHOOK],
    references: ['IST0106'],
    check(sidecar, report) {
      for (const { host, path } of egressHosts(sidecar)) {
        for (const problem of egressHostProblems(host)) {
          if (problem.ruleId === docs.id) report(path, `egress host "${host}" is invalid: ${problem.reason}`);
        }
      }
    },
  };
}
