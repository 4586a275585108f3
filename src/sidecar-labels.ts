import { ApiObjectMetadata } from 'cdk8s';

/**
 * Labels and annotations for the pattern constructs, whose name and namespace the pattern
 * decides (or takes as props of their own).
 */
export interface SidecarLabelOptions {
  /**
   * Labels of the resource, e.g. the team that owns it.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations of the resource. The library writes its rule suppressions into
   * `cdk8s-istio-sidecar.io/suppress` (see `RuleSuppressions`).
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/** The metadata a pattern construct renders: its name and namespace, and the labels and annotations given. */
export function patternMetadata(name: string | undefined, namespace: string | undefined, extra: SidecarLabelOptions = {}): ApiObjectMetadata {
  return {
    ...(name !== undefined ? { name } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
    ...(extra.labels !== undefined ? { labels: { ...extra.labels } } : {}),
    ...(extra.annotations !== undefined ? { annotations: { ...extra.annotations } } : {}),
  };
}
