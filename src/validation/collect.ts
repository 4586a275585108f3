import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { RuleSuppressions } from './suppressions';
import { ManifestEntry } from '../analysis/manifest';
import { renderMemoized } from '../render-memo';

/**
 * Renders every ApiObject of the app whose kind the engine reads, with its construct path and
 * suppressions. Rendering uses `ApiObject.toJson()`, so Lazy values and JSON patches are
 * applied and objects from `Include`, imports and raw ApiObjects are judged like ours.
 */
export function collectManifests(root: IConstruct, kinds: ReadonlySet<string>): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct) || !kinds.has(construct.kind)) continue;
    const suppressions = RuleSuppressions.of(construct);
    entries.push({
      manifest: renderMemoized(construct, () => construct.toJson()),
      location: reportedPath(construct),
      ...(suppressions.length > 0 ? { suppressions } : {}),
    });
  }
  return entries;
}

/**
 * An L2 construct keeps its ApiObject as child "Resource": people know the L2's path
 * (`prod/ratings`), so findings name it rather than `prod/ratings/Resource`.
 */
function reportedPath(apiObject: ApiObject): string {
  const parent = apiObject.node.scope;
  if (apiObject.node.id === 'Resource' && parent && !Chart.isChart(parent)) return parent.node.path;
  return apiObject.node.path;
}
