import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const egressBindWithoutPort: SidecarRule = {
  id: 'S-EG-BIND-WITHOUT-PORT',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'An egress listener that sets bind also sets a port',
  why: 'The Istio docs require a port whenever bind is set, but on a port-less (catch-all) listener Istio neither checks nor honours bind, so a typo or a wrong address goes unnoticed.',
  fix: 'Add a port (a number for an IP bind, a port without a number for a unix socket), or remove bind.',
  references: [],
  sources: [RuleSource.OWN],
  examples: {
    failing: [sidecarManifest({ egress: [{ bind: 'not-an-ip', hosts: ['*/*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 8080 }, bind: '127.0.0.1', hosts: ['*/*'] }] })],
  },
  check(sidecar, report) {
    for (const listener of sidecarView(sidecar).egress) {
      // An empty bind is no bind for Istio; a bind of the wrong type is the schema rule's.
      if (listener.kind !== 'catch-all' || !listener.bind) continue;
      report(listener.bindPath, `egress listener ${listener.index} sets bind ${JSON.stringify(listener.bind)} but has no port, and Istio ignores bind on a port-less listener without checking it: add a port (a number for an IP bind, no number for a unix socket) or remove bind`);
    }
  },
};
