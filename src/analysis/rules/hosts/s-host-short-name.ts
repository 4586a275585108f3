import { egressHostSyntaxRule } from '../support/egress-host-syntax-rule';
import { sidecarManifest } from '../support/example-manifests';

export const hostShortName = egressHostSyntaxRule({
  id: 'S-HOST-SHORT-NAME',
  title: 'The DNS name of an egress host is "*" or fully qualified',
  why: 'Istio rejects a Sidecar egress host whose DNS name is a short name such as "reviews": hosts are matched by their fully-qualified names.',
  fix: 'Write the fully-qualified name, e.g. "ns1/reviews.ns1.svc.cluster.local", or "ns1/*" for every host in the namespace.',
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['ns1/reviews'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['ns1/reviews.ns1.svc.cluster.local', 'ns2/*'] }] })],
  },
});
