import { Severity } from '../../finding';
import { shortRef } from '../../manifest';
import { scopeOfSidecar, meshScopes, ScopedHost } from '../../reach/workload-scope';
import { MeshRule, RuleSource } from '../../rule';
import { RulePack } from '../../rule-pack';
import { compareSidecarAge } from '../../selection';
import { SelectionVia } from '../../selection-via';
import { MeshSnapshot, SidecarResource } from '../../snapshot';
import { deploymentManifest, meshSidecar, selectorSidecar, serviceManifest } from '../support/mesh-examples';

/** Hosts a message lists by name; the rest are counted. */
const LISTED = 5;

// O(w + h): the scopes are built once per snapshot; each selector Sidecar is compared once.
export const widerThanDefault: MeshRule = {
  id: 'P-WIDER-THAN-DEFAULT',
  scope: 'mesh',
  pack: RulePack.LEAST_PRIVILEGE,
  severity: Severity.WARNING,
  title: 'A workload\'s Sidecar imports no host its namespace default does not',
  why: 'A Sidecar with a workloadSelector replaces the namespace (or mesh) default for the workloads it selects. When it imports hosts the default does not, those workloads see more of the mesh than their neighbours: often a copied "*/*" or a namespace added for one call and never removed.',
  fix: 'Import in the workload\'s Sidecar only what its namespace default imports and what the workload calls (the message names the extra hosts), or widen the default if every workload needs them.',
  references: [],
  sources: [RuleSource.OWN],
  registryAssumption: 'Compares the host names the input defines (its Services and ServiceEntries) in the two scopes, as the reach model builds them; reported once per Sidecar with a selector that applies to some workload of the input. Independent of the registry setting.',
  examples: {
    failing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*'] }] }),
      selectorSidecar('prod', 'web', { app: 'web' }, { egress: [{ hosts: ['./*', 'bookinfo/*'] }] }),
      deploymentManifest('prod', 'web', { app: 'web' }), serviceManifest('bookinfo', 'reviews'),
    ],
    passing: [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['./*', 'bookinfo/*'] }] }),
      selectorSidecar('prod', 'web', { app: 'web' }, { egress: [{ hosts: ['./*', 'bookinfo/reviews.bookinfo.svc.cluster.local'] }] }),
      deploymentManifest('prod', 'web', { app: 'web' }), serviceManifest('bookinfo', 'reviews'),
    ],
  },
  check(mesh, report) {
    const judged = new Set<SidecarResource>();
    for (const scope of meshScopes(mesh).scopes) {
      const sidecar = scope.sidecar;
      if (scope.selection.via !== SelectionVia.SELECTOR || !sidecar || judged.has(sidecar)) continue;
      judged.add(sidecar);
      const fallback = defaultFor(mesh, scope.namespace);
      const wider = scopeOfSidecar(mesh, fallback, scope.namespace).hosts;
      const extra: ScopedHost[] = [...scope.hosts.values()].filter((scoped) => !wider.has(scoped.host));
      if (extra.length === 0) continue;
      const names = extra.slice(0, LISTED).map((scoped) => `"${scoped.host}"`).join(', ');
      const more = extra.length > LISTED ? ` and ${extra.length - LISTED} more` : '';
      const fallbackName = fallback
        ? `${fallback.ref.namespace === mesh.rootNamespace && scope.namespace !== mesh.rootNamespace ? 'the mesh default' : 'its namespace default'}, ${shortRef(fallback.ref)}`
        : 'istiod\'s built-in default';
      const via = extra[0].importedAt ? ` (the first through "${extra[0].importedBy}")` : '';
      report(sidecar,
        `this Sidecar imports ${extra.length} host name${extra.length === 1 ? '' : 's'} that ${fallbackName}, does not: ${names}${more}${via}; `
        + 'import only what the selected workloads call, or widen the default if every workload needs them',
        { path: extra[0].importedAt ?? 'spec.egress', ...(fallback ? { related: [fallback] } : {}) });
    }
  },
};

/** The Sidecar a workload of `namespace` would get without a selector Sidecar: its namespace's default, else the mesh's. */
function defaultFor(mesh: MeshSnapshot, namespace: string): SidecarResource | undefined {
  const oldest = (ns: string) => mesh.sidecarsIn(ns).filter((s) => !s.hasSelectorField).sort(compareSidecarAge)[0];
  return oldest(namespace) ?? oldest(mesh.rootNamespace);
}
