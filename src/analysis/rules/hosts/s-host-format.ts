import { egressHostSyntaxRule } from '../support/egress-host-syntax-rule';
import { sidecarManifest } from '../support/example-manifests';

export const hostFormat = egressHostSyntaxRule({
  id: 'S-HOST-FORMAT',
  title: 'Every egress host is written "<namespace>/<dnsName>"',
  why: 'Istio rejects a Sidecar whose egress host has no "/": a Sidecar host always names the namespace it imports from.',
  fix: 'Prefix the DNS name with a namespace: "*/" for any namespace, "./" for the Sidecar\'s own, or a namespace name.',
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['reviews.default.svc.cluster.local'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['default/reviews.default.svc.cluster.local'] }] })],
  },
});
