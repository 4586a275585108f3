// The six documents of Istio's Sidecar reference (five Sidecars and one ServiceEntry), each
// written with the pattern construct that encodes it.
//
//   CDK8S_OUTDIR=dist/examples/seed npx ts-node -P test/tsconfig.json examples/seed/main.ts
import { App, Chart } from 'cdk8s';
import {
  Bind, EgressHost, Endpoint, IstioMesh, MeshDefaultSidecar, NamespaceDefaultSidecar, NoIptablesSidecar, PartialIptablesSidecar,
  RuleSuppressions, SidecarPort, SidecarProtocol, WorkloadSelector, WorkloadSidecar,
} from '../../src';

/** The seed's mesh root namespace (Istio's default is `istio-system`). */
export const SEED_ROOT_NAMESPACE = 'istio-config';

/**
 * Defines the seed's documents in `app`: chart `istio-config` holds the mesh-wide default,
 * chart `prod-us1` the namespace's Sidecars (and the ServiceEntry, which lives in `ns1`).
 * Synthesizes nothing, so tests can inspect the app.
 */
export function buildSeedApp(app: App): App {
  // Before any MeshDefaultSidecar: the root namespace is fixed once one exists.
  IstioMesh.configure(app, { rootNamespace: SEED_ROOT_NAMESPACE });

  // 1. The mesh-wide default: each workload reaches its own namespace and istio-system.
  const root = new Chart(app, 'istio-config');
  new MeshDefaultSidecar(root, 'mesh-default');

  const prod = new Chart(app, 'prod-us1', { namespace: 'prod-us1' });

  // 2. prod-us1's own default, replacing the mesh default for the whole namespace.
  new NamespaceDefaultSidecar(prod, 'default', {
    egress: [{
      hosts: [
        EgressHost.namespace('prod-us1').allHosts(),
        EgressHost.namespace('prod-apis').allHosts(),
        EgressHost.namespace('istio-system').allHosts(),
      ],
    }],
  });

  // 3. ratings: inbound HTTP forwarded to a Unix socket; outbound HTTP on 9080 to prod-us1 only.
  new WorkloadSidecar(prod, 'ratings', {
    metadata: { name: 'ratings' },
    workloadSelector: WorkloadSelector.of({ app: 'ratings' }),
    ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.unix('/var/run/someuds.sock') }],
    egress: [
      { port: SidecarPort.http(9080, 'egresshttp'), hosts: [EgressHost.namespace('prod-us1').allHosts()] },
      { hosts: [EgressHost.namespace('istio-system').allHosts()] },
    ],
  });

  // 4 and 5. productpage without iptables, reaching an external MySQL through 127.0.0.1:3306;
  // the ServiceEntry for mysql.foo.com lives in ns1.
  new NoIptablesSidecar(prod, 'no-ip-tables', {
    metadata: { name: 'no-ip-tables' },
    workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
    ingress: [{ port: SidecarPort.http(9080, 'somename'), defaultEndpoint: Endpoint.loopback(8080) }],
    externalServices: [{ host: 'mysql.foo.com', port: 3306, protocol: SidecarProtocol.MYSQL, serviceEntryNamespace: 'ns1' }],
  });

  // 6. A VM: inbound on its second interface bypasses iptables, outbound is captured.
  const partial = new PartialIptablesSidecar(prod, 'partial-ip-tables', {
    metadata: { name: 'partial-ip-tables' },
    workloadSelector: WorkloadSelector.of({ app: 'productpage' }),
    ingress: [{ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'somename'), defaultEndpoint: Endpoint.loopback(8080) }],
  });
  // The validation rightly warns that documents 4 and 6 would select the same pods
  // (app=productpage in prod-us1), so istiod would only ever apply no-ip-tables. The reference
  // shows them as alternatives for two different deployments of productpage; a real mesh keeps only one.
  RuleSuppressions.add(partial, 'X-SELECTOR-POTENTIAL-OVERLAP',
    'The seed shows no-ip-tables and partial-ip-tables as alternatives for app=productpage; they are reproduced side by side on purpose.');

  return app;
}

if (require.main === module) {
  // The output folder comes from CDK8S_OUTDIR (cdk8s' default: dist).
  buildSeedApp(new App()).synth();
}
