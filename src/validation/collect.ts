import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { RuleSuppressions } from './rule-suppressions';
import { ManifestEntry } from '../analysis/manifest';
import { renderMemoized, withRenderMemo } from '../render-memo';

/** The objects of an app the engine reads, rendered, each beside the ApiObject it came from. */
export interface CollectedManifests {
  readonly entries: ManifestEntry[];
  /** `apiObjects[i]` rendered `entries[i]`. */
  readonly apiObjects: ApiObject[];
}

/**
 * Renders every ApiObject of the app that `judged` selects, with its construct path and
 * suppressions. Rendering uses `ApiObject.toJson()`, so Lazy values and JSON patches are
 * applied and objects from `Include`, imports and raw ApiObjects are judged like ours. Each
 * object renders once here, however many others read it (a workload Sidecar reads its
 * Deployment's pod labels).
 */
export function collectManifests(root: IConstruct, judged: (apiObject: ApiObject) => boolean): CollectedManifests {
  return withRenderMemo(() => {
    const entries: ManifestEntry[] = [];
    const apiObjects: ApiObject[] = [];
    for (const construct of root.node.findAll()) {
      if (!ApiObject.isApiObject(construct) || !judged(construct)) continue;
      const suppressions = RuleSuppressions.of(construct);
      apiObjects.push(construct);
      entries.push({
        manifest: renderMemoized(construct, () => construct.toJson()),
        location: reportedPath(construct),
        ...(suppressions.length > 0 ? { suppressions } : {}),
      });
    }
    return { entries, apiObjects };
  });
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
