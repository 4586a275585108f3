import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const portTargetPort: SidecarRule = {
  id: 'S-PORT-TARGETPORT',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'No listener port sets targetPort',
  why: 'targetPort has no effect on a Sidecar, and Istio rejects an ingress or egress port whose targetPort is above 0.',
  fix: 'Remove targetPort; to send inbound traffic to another port of the workload, set the ingress listener\'s defaultEndpoint instead.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', targetPort: 8080 }, defaultEndpoint: '127.0.0.1:8080' }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP' }, defaultEndpoint: '127.0.0.1:8080' }] })],
  },
  check(sidecar, report) {
    for (const { raw: port, path, direction } of sidecarView(sidecar).ports) {
      const targetPort = port.targetPort;
      // A targetPort of another type, or negative, is the schema rule's to report.
      if (typeof targetPort !== 'number' || !(targetPort > 0)) continue;
      const instead = direction === 'ingress'
        ? ' (to forward to another port of the workload, set defaultEndpoint, e.g. "127.0.0.1:8080")'
        : '';
      report(fieldPath(path, 'targetPort'), `${direction} port targetPort ${targetPort} has no effect on a Sidecar, and Istio rejects it; remove targetPort${instead}`);
    }
  },
};
