import { egressHostSyntaxRule } from '../support/egress-host-syntax-rule';
import { sidecarManifest } from '../support/example-manifests';

export const hostEmptyPart = egressHostSyntaxRule({
  id: 'S-HOST-EMPTY-PART',
  title: 'Neither side of an egress host\'s "/" is empty',
  why: 'Istio rejects a Sidecar egress host with an empty namespace or DNS name, such as "/", "ns1/" or "/foo.com".',
  fix: 'Write both parts: "*/foo.com" for any namespace, "./*" for every host in the Sidecar\'s own namespace, "~/*" to import nothing.',
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['ns1/'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['ns1/*', '~/*'] }] })],
  },
});
