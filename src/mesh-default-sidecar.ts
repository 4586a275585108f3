import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SIDECAR_PATTERN_PROP_NAMES, checkPropNames, metadataWithDefaults } from './construct-props';
import { EgressHost } from './egress-host';
import { EgressListenerOptions } from './egress-listener';
import { IstioMesh } from './istio-mesh';
import { Sidecar, SidecarPatternProps } from './sidecar';

/** The namespace of Istio's control plane, which every proxy needs to reach. */
const CONTROL_PLANE_NAMESPACE = 'istio-system';

/** The name of the mesh-wide default, the one Istio's documentation gives it. */
const MESH_DEFAULT_NAME = 'default';

/**
 * Properties of a `MeshDefaultSidecar`.
 *
 * There is no workload selector: a root-namespace Sidecar with one is never the mesh-wide
 * default. `metadata` may set labels and annotations; its name is always `default` and its
 * namespace the mesh's root namespace, so a different `metadata.name` or `metadata.namespace`
 * throws.
 */
export interface MeshDefaultSidecarProps extends SidecarPatternProps {}

/**
 * The mesh-wide default Sidecar: `default` in the mesh's root namespace, without a workload
 * selector.
 *
 * Istio uses it for every workload whose namespace has no Sidecar that applies to it (neither
 * a namespace-wide one nor one whose selector matches). It is not merged with anything: a
 * namespace that defines its own `default` replaces it entirely. Ingress listeners given here
 * become the inbound ports of every workload that falls back to it.
 *
 * The root namespace is MeshConfig's `rootNamespace`, as the app's `IstioMesh` has it
 * (`istio-system` unless changed through the `configure` method of `IstioMesh`). It is fixed
 * when this construct is created, so configure it first; changing it afterwards throws, and so
 * does a chart whose namespace is another one.
 *
 * The default is evaluated in each workload's namespace: `./*` lets every workload reach its
 * own namespace. Without props, in a mesh whose root namespace is `istio-config`:
 *
 * ```ts
 * import { App, Chart } from 'cdk8s';
 * import { IstioMesh, MeshDefaultSidecar } from 'cdk8s-istio-sidecar';
 *
 * const app = new App();
 * IstioMesh.configure(app, { rootNamespace: 'istio-config' });
 * new MeshDefaultSidecar(new Chart(app, 'mesh'), 'mesh-default');
 * ```
 *
 * renders
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

  /**
   * @param scope the chart (or construct inside one) the Sidecar belongs to; a chart namespace other than the root namespace throws
   * @param id the construct id, unique within `scope`
   * @param props labels and annotations, listeners and policies of the default
   */
  public constructor(scope: Construct, id: string, props: MeshDefaultSidecarProps = {}) {
    const path = `${scope.node.path}/${id}`;
    // Guard against JavaScript callers passing what the type forbids.
    if ((props as { workloadSelector?: unknown }).workloadSelector !== undefined) {
      throw new Error(
        `MeshDefaultSidecar at "${path}" cannot have a workloadSelector: a root-namespace Sidecar with a selector is never the mesh-wide default; `
        + 'use a WorkloadSidecar in the workload\'s own namespace instead',
      );
    }
    if (new.target === MeshDefaultSidecar) checkPropNames('MeshDefaultSidecar', path, props, SIDECAR_PATTERN_PROP_NAMES);
    const mesh = IstioMesh.of(scope);
    const { name, namespace } = props.metadata ?? {};
    if (name !== undefined && name !== MESH_DEFAULT_NAME) {
      throw new Error(
        `MeshDefaultSidecar at "${path}" cannot be named "${name}": the mesh-wide default is always named "${MESH_DEFAULT_NAME}"; `
        + 'leave metadata.name out',
      );
    }
    if (namespace !== undefined && namespace !== mesh.rootNamespace) {
      throw new Error(
        `MeshDefaultSidecar at "${path}" cannot be in namespace "${namespace}": the mesh-wide default lives in the mesh's root namespace, "${mesh.rootNamespace}"; `
        + `leave metadata.namespace out, or call IstioMesh.configure(app, { rootNamespace: "${namespace}" }) before creating it`,
      );
    }
    // A chart's namespace says where its objects go: silently putting this one elsewhere would
    // hide that the chart and the mesh disagree about the root namespace.
    const chartNamespace = Chart.of(scope).namespace;
    if (namespace === undefined && chartNamespace !== undefined && chartNamespace !== mesh.rootNamespace) {
      throw new Error(
        `MeshDefaultSidecar at "${path}" is in a chart of namespace "${chartNamespace}", but the mesh-wide default lives in the mesh's root namespace, "${mesh.rootNamespace}"; `
        + `create it in a chart without a namespace or of namespace "${mesh.rootNamespace}", or, if "${chartNamespace}" is the root namespace, `
        + `call IstioMesh.configure(app, { rootNamespace: "${chartNamespace}" }) before creating it`,
      );
    }
    // Ingress and the inbound pool pass through: istiod uses the root default whole for every
    // workload that falls back to it, inbound listeners included, and its webhook accepts them.
    super(scope, id, {
      ...props,
      metadata: metadataWithDefaults(props.metadata, { name: MESH_DEFAULT_NAME, namespace: mesh.rootNamespace }),
      egress: props.egress ?? [MeshDefaultSidecar.defaultEgress()],
    });
    // From here on IstioMesh.configure() refuses another root namespace.
    mesh._takeRootNamespace(this.node.path);
  }
}
