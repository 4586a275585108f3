// Manifests the least-privilege case tables share: Sidecars with or without a selector,
// workloads that may declare their calls, and Services in a few namespaces.
import { CALLS_ANNOTATION } from '../../../../src/analysis/syntax/call';

export const sidecar = (namespace: string, name: string, spec: { [key: string]: unknown }, labels?: { [key: string]: string }) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'Sidecar',
  metadata: { name, namespace },
  spec: { ...(labels ? { workloadSelector: { labels } } : {}), ...spec },
});

export const workload = (namespace: string, name: string, calls?: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name }, ...(calls !== undefined ? { annotations: { [CALLS_ANNOTATION]: calls } } : {}) },
      spec: { containers: [{ name: 'app', image: name }] },
    },
  },
});

export const service = (namespace: string, name: string, port = 80) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ name: 'http', port }] },
});

export const MESH_DEFAULT = sidecar('istio-system', 'default', { egress: [{ hosts: ['./*', 'istio-system/*'] }] });
export const POD_PATH = `spec.template.metadata.annotations["${CALLS_ANNOTATION}"]`;
