import { POD_PATH, api, caller, reviews, service, sidecar } from './helpers';
import { describeRule } from '../../rule-cases';

const ratings = service('bookinfo', 'ratings', [9080, 9090]);

describeRule('X-CALL-NOT-REACHABLE', {
  good: [
    { name: 'imported by the catch-all listener through ns/*', manifests: [sidecar([{ hosts: ['./*', 'bookinfo/*'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo:9080'), reviews] },
    { name: 'no Sidecar: the whole mesh', manifests: [caller('reviews.bookinfo:9080, api.example.com:443'), reviews, api] },
    { name: 'served by the listener on its port', manifests: [sidecar([{ port: { number: 9090, protocol: 'HTTP', name: 'h' }, hosts: ['bookinfo/ratings.bookinfo.svc.cluster.local'] }, { hosts: ['./*'] }], 'REGISTRY_ONLY'), caller('ratings.bookinfo:9090'), ratings] },
    { name: 'a call without a port: some port of the host is in the scope', manifests: [sidecar([{ hosts: ['*/reviews.bookinfo.svc.cluster.local'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo'), reviews] },
    { name: 'a known ALLOW_ANY passes it through: X-CALL-PASSTHROUGH\'s', manifests: [sidecar([{ hosts: ['./*'] }], 'ALLOW_ANY'), caller('reviews.bookinfo:9080'), reviews] },
    { name: 'an undefined host: X-CALL-HOST-UNDEFINED\'s', manifests: [sidecar([{ hosts: ['./*'] }], 'REGISTRY_ONLY'), caller('nowhere.example.com:443'), reviews] },
  ],
  bad: [
    {
      name: 'not imported under REGISTRY_ONLY -> error naming the listener and the egress host to add',
      manifests: [sidecar([{ hosts: ['./*'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo:9080'), reviews],
      path: POD_PATH,
      related: ['default'],
      message: 'declared call "reviews.bookinfo:9080" (reviews.bookinfo.svc.cluster.local:9080) is outside the workload\'s scope: calls to "reviews.bookinfo.svc.cluster.local:9080" go to the BlackHoleCluster under REGISTRY_ONLY (its outboundTrafficPolicy): '
        + 'spec.egress[0] (catch-all) of Sidecar prod/default imports no host matching "reviews.bookinfo.svc.cluster.local"; add "bookinfo/reviews.bookinfo.svc.cluster.local" to spec.egress[0].hosts',
    },
    {
      name: 'no listener on the port and no catch-all -> error: add a listener',
      manifests: [sidecar([{ port: { number: 9090, protocol: 'HTTP', name: 'h' }, hosts: ['bookinfo/*'] }], 'REGISTRY_ONLY'), caller('ratings.bookinfo:9080'), ratings],
      message: /has no egress listener on port 9080 and no catch-all listener \(its listeners serve port 9090\); add an egress listener on port 9080/,
    },
    {
      name: 'the port listener claims the port: a host the catch-all imports is not served there -> error',
      manifests: [sidecar([{ port: { number: 9080, protocol: 'HTTP', name: 'h' }, hosts: ['./*'] }, { hosts: ['bookinfo/*'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo:9080'), reviews],
      message: /spec\.egress\[0\] \(port 9080\) of Sidecar prod\/default imports no host matching "reviews\.bookinfo\.svc\.cluster\.local".*; add "bookinfo\/reviews\.bookinfo\.svc\.cluster\.local" to spec\.egress\[0\]\.hosts/,
    },
    {
      name: 'not exported to the caller\'s namespace -> error: export it',
      manifests: [sidecar([{ hosts: ['*/*'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo:9080'), service('bookinfo', 'reviews', [9080], { 'networking.istio.io/exportTo': '.' })],
      message: /Service bookinfo\/reviews defines "reviews\.bookinfo\.svc\.cluster\.local" but exports it to \["bookinfo"\], not to namespace "prod"; add "prod" to its exportTo/,
    },
    {
      name: 'a port the host does not have -> error naming its ports',
      manifests: [sidecar([{ hosts: ['*/*'] }], 'REGISTRY_ONLY'), caller('reviews.bookinfo:8080'), reviews],
      message: /defines "reviews\.bookinfo\.svc\.cluster\.local" with port 9080, not 8080/,
    },
    {
      name: 'the outbound policy unknown (Istio\'s default ALLOW_ANY assumed) -> error saying both outcomes',
      manifests: [sidecar([{ hosts: ['./*'] }]), caller('api.example.com:443'), api],
      message: /^declared call "api\.example\.com:443" is outside the workload's scope: the outbound policy is not known .* under REGISTRY_ONLY the call fails, under Istio's default ALLOW_ANY it leaves the mesh/,
    },
    {
      name: 'the mesh config says REGISTRY_ONLY for a Sidecar without a policy -> error',
      manifests: [sidecar([{ hosts: ['./*'] }]), caller('reviews.bookinfo:9080'), reviews],
      meshOutboundMode: 'REGISTRY_ONLY',
      message: /go to the BlackHoleCluster under REGISTRY_ONLY \(the mesh's, from ConfigMap istio-system\/istio\)/,
    },
  ],
});
