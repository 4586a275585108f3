import { ApiObject, ApiObjectProps } from 'cdk8s';
import { Construct } from 'constructs';
import { renderMemoized } from './render-memo';
import { withSuppressAnnotation } from './validation/suppressions';

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

  /** The resource itself, for escape hatches such as `addJsonPatch()`. */
  public get apiObject(): ApiObject {
    return this;
  }

  /** The namespace of the resource: its own, else its chart's; undefined if neither sets one. */
  public get namespace(): string | undefined {
    return this.metadata.namespace;
  }

  /** The rendered resource, with its rule suppressions in the suppress annotation. */
  public toJson(): any {
    return renderMemoized(this, () => withSuppressAnnotation(super.toJson(), this));
  }
}
