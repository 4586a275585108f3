import { POD_PATH, api, caller, reviews, sidecar } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

describeRule('X-CALL-PASSTHROUGH', {
  good: [
    { name: 'imported: the call stays in the mesh', manifests: [sidecar([{ hosts: ['./*', 'bookinfo/*'] }], 'ALLOW_ANY'), caller('reviews.bookinfo:9080'), reviews] },
    { name: 'REGISTRY_ONLY: X-CALL-NOT-REACHABLE\'s', manifests: [sidecar([{ hosts: ['./*'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo:9080'), reviews] },
    { name: 'the policy unknown: X-CALL-NOT-REACHABLE\'s', manifests: [sidecar([{ hosts: ['./*'] }]), caller('reviews.bookinfo:9080'), reviews] },
  ],
  bad: [
    {
      name: 'not imported under the Sidecar\'s ALLOW_ANY -> warning naming the egress host to add',
      manifests: [sidecar([{ hosts: ['./*'] }], 'ALLOW_ANY'), caller('api.example.com:443'), api],
      path: POD_PATH,
      severity: Severity.WARNING,
      related: ['default'],
      message: 'declared call "api.example.com:443" leaves the mesh: calls to "api.example.com:443" leave through the PassthroughCluster under ALLOW_ANY (its outboundTrafficPolicy), without mesh routing, policy or mTLS: '
        + 'spec.egress[0] (catch-all) of Sidecar prod/default imports no host matching "api.example.com"; add "external/api.example.com" to spec.egress[0].hosts',
    },
    {
      name: 'the mesh config says ALLOW_ANY -> warning',
      manifests: [sidecar([{ hosts: ['./*'] }]), caller('reviews.bookinfo:9080'), reviews],
      meshOutboundMode: 'ALLOW_ANY',
      message: /under ALLOW_ANY \(the mesh's, from ConfigMap istio-system\/istio\)/,
    },
  ],
});
