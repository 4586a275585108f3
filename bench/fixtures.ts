// Generated inputs for the benchmarks: deterministic, so runs compare.
import { stringify } from 'yaml';

/** N Sidecars and N Pods across N/10 namespaces: one namespace default and nine workload Sidecars per namespace. */
export function meshManifests(n: number): unknown[] {
  const manifests: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const namespace = `team-${Math.floor(i / 10)}`;
    const app = `app-${i}`;
    const isDefault = i % 10 === 0;
    manifests.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: isDefault ? 'default' : app, namespace },
      spec: {
        ...(isDefault ? {} : { workloadSelector: { labels: { app } } }),
        ...(isDefault ? {} : { ingress: [{ port: { number: 8080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8080' }] }),
        egress: [
          ...(isDefault ? [] : [{ port: { number: 5432, protocol: 'TCP', name: 'postgres' }, hosts: [`${namespace}/db.${namespace}.svc.cluster.local`] }]),
          { hosts: ['./*', 'istio-system/*'] },
        ],
        outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
      },
    });
    manifests.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${app}-7d9f8`, namespace, labels: { app, version: 'v1' } },
      spec: { containers: [{ name: 'app', image: `registry.example.com/${app}:1.0.0`, ports: [{ containerPort: 8080 }] }] },
    });
  }
  return manifests;
}

export function meshYaml(n: number): string {
  return meshManifests(n).map((m) => stringify(m)).join('---\n');
}

/**
 * A mesh for `reach`: N Deployments and N Services (`app-i` selected by `svc-i`) across N/100
 * namespaces `ns-k` (at least one), plus istio-system with istiod and a few ServiceEntries with
 * wildcard hosts. Each namespace has a Namespace and one Sidecar without a selector, so every
 * workload's scope is tightened: its catch-all listener imports `./*`, the next namespace's
 * `ns-(k+1)/*`, two named Services of `ns-(k+3)` and `istio-system/*`; every fourth namespace also
 * has a numbered listener on 9090 (gRPC) importing `./*`, which every fourth Service serves. That
 * is about 200-250 hosts per workload, not N (importing every namespace would make the output N x N). Every
 * workload declares 2-3 calls in its pod template's `cdk8s-istio-sidecar.io/calls`: the next
 * Service of its namespace, one of `ns-(k+1)`, and every third workload an external host or one of
 * the two Services of `ns-(k+3)` its Sidecar names: all reachable.
 */
export function reachMeshManifests(workloads: number, services: number): unknown[] {
  const perNamespace = 100;
  const namespaces = Math.max(1, Math.round(Math.max(workloads, services) / perNamespace));
  const ns = (k: number) => `ns-${((k % namespaces) + namespaces) % namespaces}`;
  const nsOf = (i: number) => Math.floor(i / perNamespace) % namespaces;
  // The i-th Service of namespace k (wrapping within that namespace's Services).
  const serviceIn = (k: number, i: number) => {
    const inNamespace = Math.max(1, Math.min(perNamespace, services - (k % namespaces) * perNamespace));
    return `svc-${(k % namespaces) * perNamespace + (i % inNamespace)}`;
  };
  const fqdn = (name: string, namespace: string) => `${name}.${namespace}.svc.cluster.local`;
  const external = ['api.stripe.com', 'storage.googleapis.com', 'bucket-1.s3.amazonaws.com'];
  const manifests: unknown[] = [];

  manifests.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } });
  manifests.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'istiod', namespace: 'istio-system', labels: { app: 'istiod' } },
    spec: {
      selector: { app: 'istiod' },
      ports: [
        { name: 'grpc-xds', port: 15010, protocol: 'TCP' },
        { name: 'https-dns', port: 15012, protocol: 'TCP' },
        { name: 'https-webhook', port: 443, targetPort: 15017, protocol: 'TCP' },
      ],
    },
  });
  const entries: Array<[string, string[], number, string]> = [
    ['googleapis', ['*.googleapis.com'], 443, 'HTTPS'],
    ['s3', ['*.s3.amazonaws.com'], 443, 'HTTPS'],
    ['stripe', ['api.stripe.com'], 443, 'HTTPS'],
    ['internal-db', ['*.db.internal.example.com'], 5432, 'TCP'],
  ];
  for (const [name, hosts, number, protocol] of entries) {
    manifests.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name, namespace: 'istio-system' },
      spec: { hosts, location: 'MESH_EXTERNAL', resolution: hosts[0].startsWith('*') ? 'NONE' : 'DNS', ports: [{ number, name: `${protocol.toLowerCase()}-${number}`, protocol }] },
    });
  }

  for (let k = 0; k < namespaces; k++) {
    const namespace = ns(k);
    manifests.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { 'istio-injection': 'enabled' } } });
    const specific = ns(k + 3);
    manifests.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace },
      spec: {
        egress: [
          ...(k % 4 === 0 ? [{ port: { number: 9090, protocol: 'GRPC', name: 'grpc' }, hosts: ['./*'] }] : []),
          {
            hosts: [
              './*',
              `${ns(k + 1)}/*`,
              `${specific}/${fqdn(serviceIn(k + 3, 0), specific)}`,
              `${specific}/${fqdn(serviceIn(k + 3, 1), specific)}`,
              'istio-system/*',
            ],
          },
        ],
        outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
      },
    });
    // Every tenth namespace has its own wildcard ServiceEntry, seen by itself and its neighbour.
    if (k % 10 === 0) {
      manifests.push({
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: { name: 'partner', namespace },
        spec: { hosts: [`*.partner-${k}.example.com`], location: 'MESH_EXTERNAL', resolution: 'NONE', ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }] },
      });
    }
  }

  for (let i = 0; i < services; i++) {
    const namespace = ns(nsOf(i));
    manifests.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${i}`, namespace, labels: { app: `app-${i}` } },
      spec: {
        selector: { app: `app-${i}` },
        ports: [
          { name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' },
          ...(i % 4 === 0 ? [{ name: 'grpc', port: 9090, targetPort: 9090, protocol: 'TCP' }] : []),
        ],
      },
    });
  }

  for (let i = 0; i < workloads; i++) {
    const k = nsOf(i);
    const namespace = ns(k);
    const app = `app-${i}`;
    const calls = [`${serviceIn(k, i + 1)}:8080`, `${serviceIn(k + 1, i * 7)}.${ns(k + 1)}:8080`];
    if (i % 3 === 0) calls.push(i % 2 === 0 ? `${external[i % external.length]}:443` : `${serviceIn(k + 3, i % 2)}.${ns(k + 3)}:8080`);
    manifests.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace, labels: { app, team: namespace } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app, version: 'v1' }, annotations: { 'cdk8s-istio-sidecar.io/calls': calls.join(',') } },
          spec: { containers: [{ name: 'app', image: `registry.example.com/${app}:1.0.0`, ports: [{ containerPort: 8080 }] }] },
        },
      },
    });
  }
  return manifests;
}

export function reachMeshYaml(workloads: number, services: number): string {
  return reachMeshManifests(workloads, services).map((m) => stringify(m)).join('---\n');
}
