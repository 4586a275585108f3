import { Severity } from '../../finding';
import { fieldPath, stringAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { sidecarManifest } from '../support/example-manifests';

export const egHttpProxy: SidecarRule = {
  id: 'S-EG-HTTP-PROXY',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'Protocol HTTP_PROXY is used only on egress listeners',
  why: 'HTTP_PROXY declares a port the application sends outbound HTTP through, as to a forward proxy; on an ingress listener it does not describe the inbound traffic, which is plain HTTP.',
  fix: 'Use protocol HTTP on the ingress listener; keep HTTP_PROXY for an egress listener that acts as an outbound proxy port.',
  references: [],
  sources: [RuleSource.OWN, RuleSource.SEMANTICS],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP_PROXY' } }] })],
    passing: [sidecarManifest({
      ingress: [{ port: { number: 9080, protocol: 'HTTP' } }],
      egress: [{ port: { number: 3128, protocol: 'HTTP_PROXY' }, hosts: ['*/*'] }],
    })],
  },
  check(sidecar, report) {
    for (const { raw: port, path, direction } of sidecarView(sidecar).ports) {
      const protocol = stringAt(port, 'protocol');
      if (direction !== 'ingress' || protocol?.toUpperCase() !== 'HTTP_PROXY') continue;
      report(fieldPath(path, 'protocol'), `ingress port protocol ${JSON.stringify(protocol)} is meant for egress listeners only (an outbound proxy port the application sends its HTTP requests through); use "HTTP" for inbound HTTP traffic`);
    }
  },
};
