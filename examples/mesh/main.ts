// A small but realistic mesh: two application namespaces with cdk8s-plus Deployments and
// Services, a mesh-wide default, namespace defaults, workload Sidecars that select the
// Deployments' pods, and an external API declared with a ServiceEntry.
//
//   CDK8S_OUTDIR=dist/examples/mesh npx ts-node examples/mesh/main.ts
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  EgressHost, Endpoint, IstioMesh, MeshDefaultSidecar, NamespaceDefaultSidecar, OutboundTrafficPolicy, ServiceEntry, ServiceEntryLocation,
  OutboundTrafficPolicyMode, ServiceEntryResolution, SidecarPort, SidecarProtocol, WorkloadCalls, WorkloadSelector, WorkloadSidecar,
} from '../../src';

/** A namespace of the mesh, with sidecar injection on. */
class MeshNamespace extends Chart {
  constructor(scope: Construct, name: string) {
    super(scope, name, { namespace: name });
    new kplus.Namespace(this, 'Namespace', {
      metadata: { name, labels: { 'istio-injection': 'enabled' } },
    });
  }
}

/** A Deployment and its Service, named `name`, the container listening on `port`. */
function service(scope: Construct, name: string, image: string, port: number): { deployment: kplus.Deployment; service: kplus.Service } {
  const deployment = new kplus.Deployment(scope, name, {
    metadata: { name },
    replicas: 2,
    podMetadata: { labels: { app: name } },
    containers: [{ name, image, portNumber: port, securityContext: { user: 1000, group: 1000 } }],
  });
  return { deployment, service: deployment.exposeViaService({ name, ports: [{ name: 'http', port: 80, targetPort: port }] }) };
}

/**
 * Defines the mesh in `app`, one chart per namespace (`istio-system`, `external`, `payments`, `shop`).
 * Synthesizes nothing, so tests can inspect the app.
 */
export function buildMeshApp(app: App): App {
  // The mesh's MeshConfig sets outboundTrafficPolicy REGISTRY_ONLY: Sidecars without a policy of
  // their own run with it, so a declared call outside a workload's scope fails synth.
  IstioMesh.configure(app, { outboundTrafficPolicy: OutboundTrafficPolicyMode.REGISTRY_ONLY });
  // Mesh-wide: every namespace without a default of its own reaches itself and istio-system,
  // and nothing outside the service registry.
  const root = new Chart(app, 'istio-system', { namespace: 'istio-system' });
  // Istio's webhook warns that "./*" repeats "istio-system/*" here; in the mesh default "./*" means
  // each workload's own namespace, so the engine reports it as an info only.
  new MeshDefaultSidecar(root, 'mesh-default', {
    outboundTrafficPolicy: OutboundTrafficPolicy.registryOnly(),
  });

  // External services live in a namespace of their own, each exported only to its clients.
  const external = new Chart(app, 'external', { namespace: 'external' });
  new kplus.Namespace(external, 'Namespace', { metadata: { name: 'external' } });
  new ServiceEntry(external, 'card-processor', {
    metadata: { name: 'card-processor' },
    hosts: ['api.cards.example.com'],
    ports: [{ number: 443, name: 'https', protocol: SidecarProtocol.TLS }],
    location: ServiceEntryLocation.MESH_EXTERNAL,
    resolution: ServiceEntryResolution.DNS,
    exportTo: ['payments'],
  });

  // payments: an API that calls an external card processor, and a ledger.
  const payments = new MeshNamespace(app, 'payments');
  const paymentsApi = service(payments, 'payments-api', 'ghcr.io/acme/payments-api:2.3.1', 8080);
  const ledger = service(payments, 'ledger', 'ghcr.io/acme/ledger:1.9.0', 8080);
  // What payments-api calls: synth checks each call against the Sidecar that applies to it.
  const paymentsCalls = WorkloadCalls.of(paymentsApi.deployment);
  paymentsCalls.toService(ledger.service, 80);
  paymentsCalls.toHost('api.cards.example.com', 443);
  // Namespace default: its own namespace and the control plane (the library default).
  new NamespaceDefaultSidecar(payments, 'default');
  // payments-api also reaches the card processor.
  new WorkloadSidecar(payments, 'payments-api-sidecar', {
    metadata: { name: 'payments-api' },
    workloadSelector: WorkloadSelector.fromWorkload(paymentsApi.deployment),
    egress: [{
      hosts: [
        EgressHost.sameNamespace(),
        EgressHost.namespace('external').host('api.cards.example.com'),
        EgressHost.namespace('istio-system').allHosts(),
      ],
    }],
  });

  // shop: a storefront calling its catalog and cart, and payments-api in the other namespace.
  const shop = new MeshNamespace(app, 'shop');
  const frontend = service(shop, 'frontend', 'ghcr.io/acme/frontend:4.1.0', 3000);
  const catalog = service(shop, 'catalog', 'ghcr.io/acme/catalog:1.2.0', 8080);
  const cart = service(shop, 'cart', 'ghcr.io/acme/cart:3.0.2', 8080);
  const frontendCalls = WorkloadCalls.of(frontend.deployment);
  frontendCalls.toService(catalog.service, 80);
  frontendCalls.toService(cart.service, 80);
  frontendCalls.toService(paymentsApi.service, 80);
  new NamespaceDefaultSidecar(shop, 'default');
  new WorkloadSidecar(shop, 'frontend-sidecar', {
    metadata: { name: 'frontend' },
    workloadSelector: WorkloadSelector.fromWorkload(frontend.deployment),
    egress: [{
      hosts: [
        EgressHost.sameNamespace(),
        EgressHost.namespace('payments').host('payments-api.payments.svc.cluster.local'),
        EgressHost.namespace('istio-system').allHosts(),
      ],
    }],
  });
  // The cart's application listens on a Unix socket; the proxy forwards port 8080 to it.
  new WorkloadSidecar(shop, 'cart-sidecar', {
    metadata: { name: 'cart' },
    workloadSelector: WorkloadSelector.fromWorkload(cart.deployment),
    ingress: [{ port: SidecarPort.http(8080, 'http'), defaultEndpoint: Endpoint.unix('/var/run/cart/app.sock') }],
  });

  return app;
}

if (require.main === module) {
  // The output folder comes from CDK8S_OUTDIR (cdk8s' default: dist).
  buildMeshApp(new App()).synth();
}
