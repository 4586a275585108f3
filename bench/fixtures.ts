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
