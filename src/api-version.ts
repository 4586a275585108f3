/**
 * The `apiVersion` a Sidecar resource is written with.
 *
 * Istio serves the same Sidecar schema under all three versions and validates them alike, so
 * the choice only matters for clusters that run an Istio too old to know `v1`.
 */
export enum SidecarApiVersion {
  /** The stable version, stored by the API server since Istio 1.22. Use it unless the mesh is older. */
  V1 = 'networking.istio.io/v1',
  /** The beta version, for meshes older than Istio 1.22 that do not serve `v1` yet. */
  V1BETA1 = 'networking.istio.io/v1beta1',
  /** The original alpha version, used by older documentation and examples; still served. */
  V1ALPHA3 = 'networking.istio.io/v1alpha3',
}
