import { Construct } from 'constructs';
import { SidecarApiVersion } from './api-version';
import { EgressHost } from './egress-host';
import { EgressListenerOptions } from './egress-listener';
import { IstioMesh } from './istio-mesh';
import { OutboundTrafficPolicy } from './outbound-traffic-policy';
import { Sidecar } from './sidecar';
import { SidecarLabelOptions, patternMetadata } from './sidecar-labels';

/** The namespace of Istio's control plane, which every proxy needs to reach. */
const CONTROL_PLANE_NAMESPACE = 'istio-system';

/**
 * Properties of a `MeshDefaultSidecar`.
 *
 * There is deliberately no name, namespace or workload selector: the mesh-wide default is
 * always `<rootNamespace>/default` and never has a selector.
 */
export interface MeshDefaultSidecarProps extends SidecarLabelOptions {
  /**
   * The egress listeners of every workload that falls back to this default, in order; the
   * catch-all (no port) must be last. `addEgress()` appends after these.
   *
   * The default is evaluated in each workload's own namespace, so `./*` means "the workload's
   * namespace", not the root namespace. An empty list renders no egress field (Istio then
   * imports `*\/*`, every host); the Sidecar must then configure something else.
   *
   * @default - one catch-all listener importing `./*` (the workload's own namespace) and
   * `istio-system/*` (the control plane)
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly egress?: EgressListenerOptions[];

  /**
   * What happens to outbound traffic to destinations outside the service registry, for every
   * workload that falls back to this default.
   *
   * @default - the mesh-wide `outboundTrafficPolicy` from MeshConfig
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicy;

  /**
   * The `apiVersion` of the resource.
   *
   * @default - the app's `IstioMesh` apiVersion (SidecarApiVersion.V1 unless configured)
   */
  readonly apiVersion?: SidecarApiVersion;
}

/**
 * The mesh-wide default Sidecar: `default` in the mesh's root namespace, without a workload
 * selector.
 *
 * Istio uses it for every workload whose namespace has no Sidecar that applies to it (neither
 * a namespace-wide one nor one whose selector matches). It is not merged with anything: a
 * namespace that defines its own `default` replaces it entirely.
 *
 * The root namespace is MeshConfig's `rootNamespace`, taken from `IstioMesh.of(this).rootNamespace`
 * (`istio-system` unless changed with `IstioMesh.configure(app, { rootNamespace })`). It is
 * fixed when this construct is created, so configure it first; changing it afterwards throws.
 * A root-namespace Sidecar with a selector would never be the mesh default, so none is offered.
 *
 * The default is evaluated in each workload's namespace: `./*` lets every workload reach its
 * own namespace. Without props it renders (in a mesh whose root namespace is `istio-config`):
 *
 * ```yaml
 * apiVersion: networking.istio.io/v1
 * kind: Sidecar
 * metadata:
 *   name: default
 *   namespace: istio-config
 * spec:
 *   egress:
 *     - hosts:
 *         - ./*
 *         - istio-system/*
 * ```
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class MeshDefaultSidecar extends Sidecar {
  /**
   * The egress listener used when none is given: `./*` and `istio-system/*`, so that each
   * workload reaches its own namespace and the control plane, and nothing else.
   */
  public static defaultEgress(): EgressListenerOptions {
    return { hosts: [EgressHost.sameNamespace(), EgressHost.namespace(CONTROL_PLANE_NAMESPACE).allHosts()] };
  }

  public constructor(scope: Construct, id: string, props: MeshDefaultSidecarProps = {}) {
    // Guard against JavaScript callers passing what the type forbids.
    const loose = props as { workloadSelector?: unknown; metadata?: unknown };
    if (loose.workloadSelector !== undefined) {
      throw new Error(
        `MeshDefaultSidecar at "${scope.node.path}/${id}" cannot have a workloadSelector: a root-namespace Sidecar with a selector is never the mesh-wide default; `
        + 'use a WorkloadSidecar in the workload\'s own namespace instead',
      );
    }
    if (loose.metadata !== undefined) {
      throw new Error(`MeshDefaultSidecar at "${scope.node.path}/${id}" takes no metadata: it is always named "default" in the mesh's root namespace`);
    }
    const mesh = IstioMesh.of(scope);
    super(scope, id, {
      apiVersion: props.apiVersion,
      metadata: patternMetadata('default', mesh.rootNamespace, props),
      egress: props.egress ?? [MeshDefaultSidecar.defaultEgress()],
      outboundTrafficPolicy: props.outboundTrafficPolicy,
    });
    // From here on IstioMesh.configure() refuses another root namespace.
    mesh._takeRootNamespace(this.node.path);
  }
}
