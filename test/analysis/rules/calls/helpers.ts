// Manifests the declared-call case tables share: a caller in "prod" that declares its calls,
// Services with ports, a ServiceEntry, and Sidecars with or without an outbound policy.
import { CALLS_ANNOTATION } from '../../../../src/analysis/syntax/call';

export const caller = (calls: string, where: 'pod' | 'object' = 'pod', namespace = 'prod') => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace, ...(where === 'object' ? { annotations: { [CALLS_ANNOTATION]: calls } } : {}) },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' }, ...(where === 'pod' ? { annotations: { [CALLS_ANNOTATION]: calls } } : {}) }, spec: { containers: [{ name: 'app', image: 'web' }] } },
  },
});

export const service = (namespace: string, name: string, ports: number[], annotations?: { [key: string]: string }) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, ...(annotations ? { annotations } : {}) }, spec: { ports: ports.map((port) => ({ port, name: `p${port}` })) },
});

export const serviceEntry = (namespace: string, name: string, hosts: string[], ports: number[]) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'ServiceEntry',
  metadata: { name, namespace },
  spec: { hosts, location: 'MESH_EXTERNAL', resolution: 'DNS', ports: ports.map((number) => ({ number, name: `p${number}`, protocol: 'TCP' })) },
});

export const sidecar = (egress: unknown[], mode?: 'REGISTRY_ONLY' | 'ALLOW_ANY', namespace = 'prod') => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'Sidecar',
  metadata: { name: 'default', namespace },
  spec: { egress, ...(mode ? { outboundTrafficPolicy: { mode } } : {}) },
});

export const POD_PATH = `spec.template.metadata.annotations["${CALLS_ANNOTATION}"]`;
export const OBJECT_PATH = `metadata.annotations["${CALLS_ANNOTATION}"]`;
export const reviews = service('bookinfo', 'reviews', [9080]);
export const api = serviceEntry('external', 'api', ['api.example.com'], [443]);
