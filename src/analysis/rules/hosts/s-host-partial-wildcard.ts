import { egressHostSyntaxRule } from '../support/egress-host-syntax-rule';
import { sidecarManifest } from '../support/example-manifests';

export const hostPartialWildcard = egressHostSyntaxRule({
  id: 'S-HOST-PARTIAL-WILDCARD',
  title: 'A "*" in an egress host\'s DNS name is the whole name or its first label',
  why: 'Istio rejects a Sidecar egress host with a partial wildcard such as "*a.com", "*-foo.com" or "foo.*.com": only "*" and "*.<domain>" are supported.',
  fix: 'Write "*" for every host, or "*.example.com" for the hosts of a domain.',
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['test/*a.com'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['test/*.a.com', 'other/*'] }] })],
  },
});
