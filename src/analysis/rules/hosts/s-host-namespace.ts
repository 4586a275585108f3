import { egressHostSyntaxRule } from '../support/egress-host-syntax-rule';
import { sidecarManifest } from '../support/example-manifests';

export const hostNamespace = egressHostSyntaxRule({
  id: 'S-HOST-NAMESPACE',
  title: 'The namespace of an egress host is "*", "." or a namespace name, optionally after one "~"',
  why: 'Istio rejects a Sidecar egress host whose namespace part is not "*", "." or a DNS label (a bare "~" is allowed for exclusions); such a host could never name a namespace.',
  fix: 'Use a real namespace name (letters, digits and "-"), "*" for any namespace or "." for the Sidecar\'s own; exclude with a single "~", e.g. "~ns1/a.example.com".',
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['my_ns/a.example.com'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['my-ns/a.example.com', '~other/*', '*/*'] }] })],
  },
});
