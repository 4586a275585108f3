import { Severity } from '../../finding';
import { shortRef } from '../../manifest';
import { declaredCallItems } from '../../reach/declared-calls';
import { meshScopes } from '../../reach/workload-scope';
import { MeshRule, RuleSource } from '../../rule';
import { RulePack } from '../../rule-pack';
import { SidecarResource, WorkloadResource } from '../../snapshot';
import { CALLS_ANNOTATION } from '../../syntax/call';
import { CALL_CONCERNS, CallOutcome, declaredCallOutcomes, describeCall } from '../support/declared-call-outcomes';
import { deploymentManifest, meshSidecar, serviceManifest } from '../support/mesh-examples';

/** One egress host entry of one Sidecar, as the workloads of one namespace use it. */
interface EntryUse {
  readonly sidecar: SidecarResource;
  readonly namespace: string;
  readonly hosts: Set<string>;
  readonly outcomes: CallOutcome[];
}

// O(c + w): reads the outcomes the call rules computed, and the scopes once.
export const callWideImport: MeshRule = {
  id: 'P-CALL-WIDE-IMPORT',
  scope: 'mesh',
  pack: RulePack.LEAST_PRIVILEGE,
  concerns: CALL_CONCERNS,
  severity: Severity.WARNING,
  title: 'No egress host that opens a whole namespace serves a single declared call',
  why: 'An egress host "ns/*" (or "*/*") imports every host of the namespace (or the mesh). When the workloads declare their calls and only one of them goes through that entry, the rest of what it imports is reachable for no declared reason.',
  fix: 'Replace the entry with the one host the call needs, "ns/<fqdn>" (the message names it).',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'Judged for Sidecars all of whose workloads in the namespace declare their calls (the cdk8s-istio-sidecar.io/calls annotation), which are then taken to be all they call; calls to hosts the input does not define are X-CALL-HOST-UNDEFINED\'s. Independent of the registry setting.',
  examples: {
    failing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'bookinfo/*'] }] }),
      deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:80' }), serviceManifest('bookinfo', 'reviews'), serviceManifest('bookinfo', 'ratings'),
    ],
    passing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'bookinfo/reviews.bookinfo.svc.cluster.local'] }] }),
      deploymentManifest('prod', 'web', { app: 'web' }, { [CALLS_ANNOTATION]: 'reviews.bookinfo:80' }), serviceManifest('bookinfo', 'reviews'), serviceManifest('bookinfo', 'ratings'),
    ],
  },
  check(mesh, report) {
    const uses = new Map<string, EntryUse>();
    const sidecarIds = new Map<SidecarResource, number>();
    for (const outcome of declaredCallOutcomes(mesh)) {
      const { scope, answer } = outcome;
      const scoped = answer?.scoped;
      if (!scope.sidecar || !answer?.reachable || answer.passthrough || !scoped?.importedAt || !opensNamespace(scoped.importedBy)) continue;
      if (!sidecarIds.has(scope.sidecar)) sidecarIds.set(scope.sidecar, sidecarIds.size);
      const key = `${sidecarIds.get(scope.sidecar)}|${scope.namespace}|${scoped.importedAt}`;
      let use = uses.get(key);
      if (!use) uses.set(key, use = { sidecar: scope.sidecar, namespace: scope.namespace, hosts: new Set(), outcomes: [] });
      use.hosts.add(scoped.host);
      use.outcomes.push(outcome);
    }
    if (uses.size === 0) return;
    // A Sidecar shared with a workload that declares nothing may serve that workload's calls through the entry.
    const undeclared = new Set<string>();
    for (const scope of meshScopes(mesh).scopes) {
      if (scope.sidecar && sidecarIds.has(scope.sidecar) && declaredCallItems(scope.selection.workload).length === 0) {
        undeclared.add(`${sidecarIds.get(scope.sidecar)}|${scope.namespace}`);
      }
    }
    for (const [key, use] of uses) {
      if (use.hosts.size !== 1 || undeclared.has(key.slice(0, key.lastIndexOf('|')))) continue;
      const reported = new Set<WorkloadResource>();
      for (const { scope, call, answer } of use.outcomes) {
        const workload = scope.selection.workload;
        if (reported.has(workload)) continue;
        reported.add(workload);
        const scoped = answer!.scoped!;
        const [namespacePart] = scoped.importedBy.split('/');
        const narrower = `${namespacePart === '*' ? scoped.definition.source.ref.namespace ?? '' : namespacePart}/${scoped.host}`;
        const opened = namespacePart === '*' ? 'every host of every namespace' : `every host of namespace "${namespacePart === '.' ? use.namespace : namespacePart}"`;
        report(workload,
          `${describeCall(call)} is the only declared call served by "${scoped.importedBy}" (${scoped.importedAt} of ${shortRef(use.sidecar.ref)}), which imports ${opened}: `
          + `import "${narrower}" instead`,
          { path: call.path, related: [use.sidecar] });
      }
    }
  },
};

/** `ns/*`, `./*` or `*\/*`: an entry that imports a whole namespace, or every namespace. */
function opensNamespace(host: string): boolean {
  const slash = host.indexOf('/');
  return slash > 0 && host.slice(slash + 1) === '*';
}
