import { ApiObject, ApiObjectMetadata, ApiObjectProps } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { renderMemoized, takeKeptRender } from './render-memo';
import { withSuppressAnnotation } from './validation/suppress-annotation-writer';

/**
 * What every construct of this library takes, as every cdk8s-plus resource takes `metadata`.
 */
export interface IstioObjectProps {
  /**
   * Metadata of the resource: its name, namespace, labels and annotations. A construct that
   * fixes its name or namespace (such as `MeshDefaultSidecar`) says so, and throws when the
   * metadata given disagrees.
   *
   * @default - a name generated from the construct path, in the chart's namespace (unless the
   * construct fixes them)
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The `apiVersion` of the resource.
   *
   * @default - the app's `IstioMesh` apiVersion (`SidecarApiVersion.V1` unless configured)
   */
  readonly apiVersion?: SidecarApiVersion;
}

/**
 * What this library's Istio resources (`Sidecar`, `ServiceEntry`) share: each construct is its
 * own ApiObject, and renders the rule suppressions that apply to it into its
 * `cdk8s-istio-sidecar.io/suppress` annotation, so the lint CLI and the cdk8s-cli plugin
 * honour them as the app validation does.
 *
 * No wrapper construct with a `Resource` child: cdk8s walks the whole construct tree once per
 * chart at synth, so a wrapper per object made large apps markedly slower (see
 * docs/performance.md).
 */
export abstract class IstioObject extends ApiObject {
  protected constructor(scope: Construct, id: string, props: ApiObjectProps) {
    super(scope, id, props);
  }

  /** The resource itself, for escape hatches such as the `addJsonPatch` method. */
  public get apiObject(): ApiObject {
    return this;
  }

  /** The namespace of the resource: its own, else its chart's; undefined if neither sets one. */
  public get namespace(): string | undefined {
    return this.metadata.namespace;
  }

  /** The rendered resource, with its rule suppressions in the suppress annotation. */
  public toJson(): any {
    // During a whole-app synth's output, the render its validation judged (see render-memo.ts).
    return takeKeptRender(this, IstioObject.prototype.toJson) ?? renderMemoized(this, () => withSuppressAnnotation(super.toJson(), this));
  }
}
