import { Construct } from 'constructs';
import { SIDECAR_PATTERN_PROP_NAMES, checkPropNames, metadataWithDefaults } from './construct-props';
import { MeshDefaultSidecar } from './mesh-default-sidecar';
import { Sidecar, SidecarPatternProps } from './sidecar';

/**
 * Properties of a `NamespaceDefaultSidecar`.
 *
 * There is no workload selector: a Sidecar with one is not a namespace default. Its
 * `metadata.name` defaults to `default`, which makes a second selector-less Sidecar in the
 * namespace easy to spot; its namespace is `metadata.namespace`, else the chart's.
 */
export interface NamespaceDefaultSidecarProps extends SidecarPatternProps {}

/**
 * The default Sidecar of one namespace: a Sidecar without a workload selector, named `default`.
 *
 * Istio applies it to every workload of the namespace that no Sidecar with a selector
 * matches. Once it exists, the mesh-wide default in the root namespace no longer applies to
 * that namespace at all: nothing is merged or inherited, so list here everything the
 * namespace's workloads need (for example `istio-system/*`). Istio allows one selector-less
 * Sidecar per namespace; a second one is undefined behaviour, which the app validation reports.
 *
 * ```ts
 * import { App, Chart } from 'cdk8s';
 * import { EgressHost, NamespaceDefaultSidecar } from 'cdk8s-istio-sidecar';
 *
 * const chart = new Chart(new App(), 'prod');
 * new NamespaceDefaultSidecar(chart, 'prod-us1-default', {
 *   metadata: { namespace: 'prod-us1' },
 *   egress: [{ hosts: [
 *     EgressHost.namespace('prod-us1').allHosts(),
 *     EgressHost.namespace('prod-apis').allHosts(),
 *     EgressHost.namespace('istio-system').allHosts(),
 *   ] }],
 * });
 * ```
 *
 * renders
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: Sidecar
 * metadata:
 *   name: default
 *   namespace: prod-us1
 * spec:
 *   egress:
 *     - hosts:
 *         - prod-us1/*
 *         - prod-apis/*
 *         - istio-system/*
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class NamespaceDefaultSidecar extends Sidecar {
  /**
   * @param scope the chart (or construct inside one) the Sidecar belongs to
   * @param id the construct id, unique within `scope`
   * @param props metadata, listeners and policies of the namespace's default
   */
  public constructor(scope: Construct, id: string, props: NamespaceDefaultSidecarProps = {}) {
    const path = `${scope.node.path}/${id}`;
    // Guard against JavaScript callers passing what the type forbids.
    if ((props as { workloadSelector?: unknown }).workloadSelector !== undefined) {
      throw new Error(
        `NamespaceDefaultSidecar at "${path}" cannot have a workloadSelector: it applies to the whole namespace; `
        + 'use a WorkloadSidecar to configure some workloads only',
      );
    }
    if (new.target === NamespaceDefaultSidecar) checkPropNames('NamespaceDefaultSidecar', path, props, SIDECAR_PATTERN_PROP_NAMES);
    super(scope, id, {
      ...props,
      metadata: metadataWithDefaults(props.metadata, { name: 'default' }),
      egress: props.egress ?? [MeshDefaultSidecar.defaultEgress()],
    });
  }
}
