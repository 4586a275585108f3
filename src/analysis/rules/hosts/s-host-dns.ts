import { egressHostSyntaxRule } from '../support/egress-host-syntax-rule';
import { sidecarManifest } from '../support/example-manifests';

export const hostDns = egressHostSyntaxRule({
  id: 'S-HOST-DNS',
  title: 'The DNS name of an egress host is a valid domain name, not an IP address',
  why: 'Istio rejects a Sidecar egress host whose DNS name is longer than 255 characters, has a label that is not a DNS label, or ends in an all-numeric label (an IP address).',
  fix: 'Use a host name made of DNS labels (letters, digits and "-", at most 63 characters each); to reach an IP address, declare it in a ServiceEntry with a host name.',
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['ns1/10.0.0.1', 'ns1/foo_bar.com'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['ns1/foo-bar.com', '*/*.example.com', 'ns1/istio.io.'] }] })],
  },
});
