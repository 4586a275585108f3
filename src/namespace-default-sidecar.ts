import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { ConnectionPoolSettings } from './connection-pool';
import { EgressListenerOptions } from './egress-listener';
import { IngressListenerOptions } from './ingress-listener';
import { MeshDefaultSidecar } from './mesh-default-sidecar';
import { OutboundTrafficPolicy } from './outbound-traffic-policy';
import { Sidecar } from './sidecar';
import { SidecarLabelOptions, patternMetadata } from './sidecar-labels';

/**
 * Properties of a `NamespaceDefaultSidecar`.
 *
 * There is deliberately no workload selector: a Sidecar with one is not a namespace default.
 */
export interface NamespaceDefaultSidecarProps extends SidecarLabelOptions {
  /**
   * The namespace whose workloads this Sidecar applies to.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The name of the Sidecar resource. Istio recommends `default`, which makes a second
   * selector-less Sidecar in the namespace easy to spot.
   *
   * @default 'default'
   */
  readonly name?: string;

  /**
   * The egress listeners of every workload in the namespace that no `WorkloadSidecar` selects,
   * in order; the catch-all (no port) must be last. `addEgress()` appends after these.
   *
   * Nothing is inherited from the mesh-wide default: these listeners replace it for the
   * namespace. An empty list renders no egress field (Istio then imports `*\/*`, every
   * host); the Sidecar must then configure something else (ingress, a traffic policy).
   *
   * @default - one catch-all listener importing `./*` (this namespace) and `istio-system/*`,
   * as `MeshDefaultSidecar.defaultEgress()`
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: EgressListenerOptions[];

  /**
   * Listeners for inbound traffic of every workload in the namespace that no `WorkloadSidecar`
   * selects, in order. More can be added with `addIngress()`.
   *
   * @default - inbound ports are set up from the workloads' Services
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly ingress?: IngressListenerOptions[];

  /**
   * What happens to outbound traffic to destinations outside the service registry.
   *
   * @default - the mesh-wide `outboundTrafficPolicy` from MeshConfig (not the mesh default
   * Sidecar's: Sidecars are never merged)
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicy;

  /**
   * Connection limits between the proxy and the application for every inbound port, unless an
   * ingress listener sets its own `connectionPool`.
   *
   * @default - a DestinationRule's settings for the workload's service, else Istio's defaults
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#Sidecar
   */
  readonly inboundConnectionPool?: ConnectionPoolSettings;

  /**
   * The `apiVersion` of the resource.
   *
   * @default - the app's `IstioMesh` apiVersion (SidecarApiVersion.V1 unless configured)
   */
  readonly apiVersion?: SidecarApiVersion;
}

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
 * new NamespaceDefaultSidecar(chart, 'prod-us1-default', {
 *   namespace: 'prod-us1',
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
  public constructor(scope: Construct, id: string, props: NamespaceDefaultSidecarProps = {}) {
    // Guard against JavaScript callers passing what the type forbids.
    if ((props as { workloadSelector?: unknown }).workloadSelector !== undefined) {
      throw new Error(
        `NamespaceDefaultSidecar at "${scope.node.path}/${id}" cannot have a workloadSelector: it applies to the whole namespace; `
        + 'use a WorkloadSidecar to configure some workloads only',
      );
    }
    super(scope, id, {
      apiVersion: props.apiVersion,
      metadata: patternMetadata(props.name ?? 'default', props.namespace, props),
      ingress: props.ingress,
      egress: props.egress ?? [MeshDefaultSidecar.defaultEgress()],
      outboundTrafficPolicy: props.outboundTrafficPolicy,
      inboundConnectionPool: props.inboundConnectionPool,
    });
  }
}
