import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const egressCatchAllLast: SidecarRule = {
  id: 'S-EG-CATCHALL-LAST',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Only the last egress listener may go without a port',
  why: 'An egress listener without a port is the catch-all for every port the others do not claim; Istio rejects a Sidecar where a port-less listener is not the last one, so there can be only one.',
  fix: 'Move the port-less listener to the end of spec.egress, give the other port-less listeners a port, or merge their hosts into one.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['a/*'] }, { port: { number: 80, protocol: 'HTTP' }, hosts: ['b/*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 80, protocol: 'HTTP' }, hosts: ['b/*'] }, { hosts: ['a/*'] }] })],
  },
  check(sidecar, report) {
    // Istio counts null items too when it decides which listener is last.
    const view = sidecarView(sidecar);
    const last = view.egressItemCount - 1;
    const catchAlls = view.egress.filter((l) => l.kind === 'catch-all');
    const onlyOne = catchAlls.length > 1 ? '; only one egress listener may go without a port' : '';
    for (const listener of catchAlls) {
      if (listener.index === last) continue;
      report(listener.path, `egress listener ${listener.index} has no port, which makes it the catch-all listener, but it is not the last egress listener: move it to the end of spec.egress or give it a port${onlyOne}`);
    }
  },
};
