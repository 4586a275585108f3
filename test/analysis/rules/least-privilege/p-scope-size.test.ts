import { MESH_DEFAULT, service, sidecar, workload } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

const services = (count: number, namespace = 'shop') => Array.from({ length: count }, (_, i) => service(namespace, `svc-${i}`));

describeRule('P-SCOPE-SIZE', {
  good: [
    { name: 'exactly 100 hosts in scope', manifests: [MESH_DEFAULT, sidecar('prod', 'default', { egress: [{ hosts: ['shop/*'] }] }), workload('prod', 'web'), ...services(100)] },
    { name: 'many hosts in the mesh, few in scope', manifests: [MESH_DEFAULT, workload('prod', 'web'), ...services(150)] },
    { name: 'a gateway: it ignores Sidecars', manifests: [{ ...workload('prod', 'gw'), spec: { selector: { matchLabels: { istio: 'ingressgateway' } }, template: { metadata: { labels: { istio: 'ingressgateway' } }, spec: { containers: [{ name: 'istio-proxy', image: 'proxyv2' }] } } } }, ...services(150)] },
  ],
  bad: [
    {
      name: '101 hosts under a namespace default importing "*/*" -> warning with the figure, naming the Sidecar',
      manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['*/*'] }] }), workload('prod', 'web'), ...services(101)],
      severity: Severity.WARNING,
      subjects: ['web'],
      related: ['default'],
      message: 'this workload\'s proxy is configured for 101 of 101 hosts, more than 100 (maxScopeHosts), by Sidecar prod/default; narrow it to what the workload calls',
    },
    {
      name: 'no Sidecar applies -> warning naming the built-in default',
      manifests: [workload('prod', 'web'), ...services(120), service('prod', 'api')],
      message: /configured for 121 of 121 hosts, more than 100 \(maxScopeHosts\), by istiod's built-in default/,
    },
  ],
});
