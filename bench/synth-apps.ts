// The apps the synth benchmarks compare: N Sidecars across N/10 namespaces, one chart per
// namespace (a namespace default and nine workload Sidecars, each selecting its own Deployment),
// built with this library's constructs and its app-wide validation, and as the same manifests
// written as raw ApiObjects with no validation (and, for the fresh-process benchmark, through
// the library's class shapes without its code). The library comes in as a parameter:
// the sources (in-process benchmark) or the compiled lib/ (fresh-process benchmark).
import { ApiObject, ApiObjectProps, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';

export type Library = typeof import('../src');

/** A Deployment as cdk8s-plus renders one: selector labels repeated on the pod template. */
function deployment(scope: Construct, app: string): ApiObject {
  const labels = { 'app': app, 'cdk8s.io/metadata.addr': `${app}-c8d9a1f2` };
  return new ApiObject(scope, `${app}-deployment`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: `registry.example.com/${app}:1.0.0`, ports: [{ containerPort: 8080 }] }] },
      },
    },
  });
}

const DEFAULT_EGRESS = ['./*', 'istio-system/*'];

export function withConstructs(lib: Library, app: App, n: number): void {
  const { EgressHost, Endpoint, NamespaceDefaultSidecar, SidecarPort, WorkloadSelector, WorkloadSidecar } = lib;
  for (let ns = 0; ns < n / 10; ns++) {
    const namespace = `team-${ns}`;
    const chart = new Chart(app, namespace, { namespace });
    new NamespaceDefaultSidecar(chart, 'default', { egress: [{ hosts: DEFAULT_EGRESS.map((h) => EgressHost.parse(h)) }] });
    for (let w = 1; w < 10; w++) {
      const name = `app-${ns * 10 + w}`;
      new WorkloadSidecar(chart, name, {
        metadata: { name },
        workloadSelector: WorkloadSelector.fromWorkload(deployment(chart, name)),
        ingress: [{ port: SidecarPort.http(8080, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
        egress: [
          { port: SidecarPort.tcp(5432, 'postgres'), hosts: [EgressHost.namespace(namespace).host(`db.${namespace}.svc.cluster.local`)] },
          { hosts: DEFAULT_EGRESS.map((h) => EgressHost.parse(h)) },
        ],
      });
    }
  }
}

type SidecarClass = new (scope: Construct, id: string, props: ApiObjectProps) => ApiObject;

function rawSidecar(kind: SidecarClass, scope: Construct, id: string, name: string, spec: unknown): void {
  new kind(scope, id, { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name }, spec });
}

export function withRawObjects(app: App, n: number): void {
  writeRawObjects(app, n, ApiObject, ApiObject);
}

// The class shapes of the library's app without any of its code: two Sidecar classes as many
// levels below ApiObject as NamespaceDefaultSidecar and WorkloadSidecar (through IstioObject and
// Sidecar), and a plain construct at the root where IstioMesh sits. cdk8s walks every construct
// once per chart, and those walks cost more per construct on more classes and longer prototype
// chains, so this is what any typed construct library pays before its own code runs: a floor
// under the library's ratio.
abstract class TypedObjectShape extends ApiObject {}
abstract class SidecarShape extends TypedObjectShape {}
class NamespaceDefaultShape extends SidecarShape {}
class WorkloadShape extends SidecarShape {}
class MeshShape extends Construct {}

export function withLibraryShapes(app: App, n: number): void {
  new MeshShape(app, 'IstioSidecarMesh');
  writeRawObjects(app, n, NamespaceDefaultShape, WorkloadShape);
}

function writeRawObjects(app: App, n: number, namespaceDefault: SidecarClass, workload: SidecarClass): void {
  for (let ns = 0; ns < n / 10; ns++) {
    const namespace = `team-${ns}`;
    const chart = new Chart(app, namespace, { namespace });
    rawSidecar(namespaceDefault, chart, 'default', 'default', { egress: [{ hosts: DEFAULT_EGRESS }] });
    for (let w = 1; w < 10; w++) {
      const name = `app-${ns * 10 + w}`;
      deployment(chart, name);
      rawSidecar(workload, chart, name, name, {
        workloadSelector: { labels: { 'app': name, 'cdk8s.io/metadata.addr': `${name}-c8d9a1f2` } },
        ingress: [{ port: { number: 8080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8080' }],
        egress: [
          { port: { number: 5432, protocol: 'TCP', name: 'postgres' }, hosts: [`${namespace}/db.${namespace}.svc.cluster.local`] },
          { hosts: DEFAULT_EGRESS },
        ],
      });
    }
  }
}
