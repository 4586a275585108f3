import { Severity } from '../../finding';
import { shortRef } from '../../manifest';
import { meshScopes } from '../../reach/workload-scope';
import { MeshRule, RuleSource } from '../../rule';
import { DEFAULT_MAX_SCOPE_HOSTS, RulePack } from '../../rule-pack';
import { SelectionVia } from '../../selection-via';
import { WORKLOAD_KINDS } from '../../workloads';
import { deploymentManifest, meshSidecar, serviceEntryManifest } from '../support/mesh-examples';

/**
 * The rule with its threshold: more than `maxHosts` host names in one workload's scope is
 * reported. The registry holds it with the default; a run with `maxScopeHosts` builds its own.
 */
export function scopeSizeRule(maxHosts: number = DEFAULT_MAX_SCOPE_HOSTS): MeshRule {
  return {
    id: 'P-SCOPE-SIZE',
    scope: 'mesh',
    pack: RulePack.LEAST_PRIVILEGE,
    concerns: [...WORKLOAD_KINDS, 'Sidecar'],
    severity: Severity.WARNING,
    title: `No workload's proxy is configured for more host names than the maxScopeHosts setting (default ${DEFAULT_MAX_SCOPE_HOSTS})`,
    why: 'Every host name in a proxy\'s scope is configuration istiod computes, pushes and keeps in the proxy\'s memory, and a destination the workload can reach. A scope of hundreds of hosts is usually a default nobody narrowed.',
    fix: 'Narrow the Sidecar that applies (the message names it) to the namespaces and hosts the workload calls; raise maxScopeHosts if the workload really needs them.',
    references: [],
    sources: [RuleSource.OWN],
    registryAssumption: 'Counts the host names the input defines (its Services and ServiceEntries) in each proxy\'s scope, as the reach model builds it; gateways, which ignore Sidecars, are left out. Independent of the registry setting.',
    examples: {
      failing: [
        meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['*/*'] }] }), deploymentManifest('prod', 'web', { app: 'web' }), manyHosts(maxHosts + 1),
      ],
      passing: [
        meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*'] }] }), deploymentManifest('prod', 'web', { app: 'web' }), manyHosts(maxHosts + 1),
      ],
    },
    check(mesh, report) {
      for (const scope of meshScopes(mesh).scopes) {
        if (scope.selection.via === SelectionVia.NOT_APPLICABLE || scope.hosts.size <= maxHosts) continue;
        const by = scope.sidecar ? shortRef(scope.sidecar.ref) : 'istiod\'s built-in default (no Sidecar applies)';
        report(scope.selection.workload,
          `this workload's proxy is configured for ${scope.hosts.size} of ${scope.visibleHosts} hosts, more than ${maxHosts} (maxScopeHosts), by ${by}; narrow it to what the workload calls`,
          { ...(scope.sidecar ? { related: [scope.sidecar] } : {}) });
      }
    },
  };
}

export const scopeSize: MeshRule = scopeSizeRule();

/** A ServiceEntry in namespace "partners" defining `count` host names. */
function manyHosts(count: number) {
  return serviceEntryManifest('partners', 'partners', Array.from({ length: count }, (_, i) => `api-${i}.partners.example.com`));
}
