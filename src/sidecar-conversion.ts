import { ConversionError, convertToTypeScript } from './convert/convert';

/**
 * Options of `SidecarConversion.toTypeScript`.
 */
export interface SidecarConversionOptions {
  /**
   * The mesh's root namespace (MeshConfig `rootNamespace`): a selector-less Sidecar named
   * `default` in it becomes a `MeshDefaultSidecar`, and the generated app configures it with
   * `IstioMesh.configure` when it is not `istio-system`.
   *
   * @default "istio-system"
   */
  readonly rootNamespace?: string;

  /**
   * The module specifier the generated code imports this library's constructs from.
   *
   * @default "cdk8s-istio-sidecar"
   */
  readonly importFrom?: string;
}

/**
 * Turns existing Sidecar and ServiceEntry manifests into construct code, for adopting this
 * library in a project that has them as YAML.
 *
 * The result is a TypeScript module: one exported function per namespace that adds the
 * namespace's objects to a given chart, then a cdk8s app that calls each of them with a chart of
 * its namespace when the module is run (for example with ts-node). Each Sidecar is written with
 * the pattern construct that renders it exactly (`MeshDefaultSidecar`, `NamespaceDefaultSidecar`,
 * `WorkloadSidecar`, `NoIptablesSidecar`, `PartialIptablesSidecar`), else as a `Sidecar`, with
 * value objects such as `EgressHost.namespace('prod').allHosts()` for its fields; a valid
 * `cdk8s-istio-sidecar.io/suppress` annotation becomes `RuleSuppressions.add` calls. An object
 * the typed model cannot express (an unknown field, a value a factory refuses) is written as a
 * raw `ApiObject`, with a comment saying why. Synthesizing the module gives back every object's
 * apiVersion, kind, name, namespace, labels, annotations and spec. Errors and warnings of the
 * validation are written as comments at the field they are about.
 *
 * @example
 * import { SidecarConversion } from 'cdk8s-istio-sidecar';
 *
 * const code = SidecarConversion.toTypeScript([{
 *   apiVersion: 'networking.istio.io/v1',
 *   kind: 'Sidecar',
 *   metadata: { name: 'default', namespace: 'shop' },
 *   spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] },
 * }]);
 * // code holds `new NamespaceDefaultSidecar(chart, 'default', { metadata: { namespace: 'shop' } });`
 */
export class SidecarConversion {
  /**
   * The TypeScript module that recreates every Sidecar and ServiceEntry of `manifests`; other
   * kinds are left out. A `kind: List` counts by its items.
   *
   * @param manifests the objects, as parsed from YAML or JSON
   * @param options the mesh's root namespace, and where the code imports the library from
   * @returns the module's source text
   * @throws when `manifests` is not a list, or `options.rootNamespace` is not a namespace name
   */
  public static toTypeScript(manifests: any[], options: SidecarConversionOptions = {}): string {
    if (!Array.isArray(manifests)) {
      throw new Error(`Cannot convert: manifests must be a list of Kubernetes objects, not ${manifests === null ? 'null' : typeof manifests}`);
    }
    try {
      return convertToTypeScript(manifests, options);
    } catch (error) {
      if (error instanceof ConversionError) throw new Error(`Cannot convert: ${error.message}`);
      throw error;
    }
  }

  private constructor() {}
}
