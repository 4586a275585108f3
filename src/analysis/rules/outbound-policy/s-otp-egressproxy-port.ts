import { Severity } from '../../finding';
import { fieldPath, isObject, isPresent } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { isUint32 } from '../../syntax/port';
import { sidecarManifest } from '../support/example-manifests';

export const otpEgressProxyPort: SidecarRule = {
  id: 'S-OTP-EGRESSPROXY-PORT',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'egressProxy.port.number is set, from 1 to 65535',
  why: 'Istio rejects an egressProxy without a port, or with a port number outside 1..65535: the proxy needs a port to send traffic to.',
  fix: 'Set egressProxy.port.number to the port of the proxy service, e.g. port: {number: 3128}.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.infra.svc.cluster.local' } } })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 } } } })],
  },
  check(sidecar, report) {
    const proxy = sidecarView(sidecar).outboundPolicy?.egressProxy;
    if (!proxy) return;
    const portPath = fieldPath(proxy.path, 'port');
    const port = proxy.raw.port;
    if (!isPresent(port)) {
      report(portPath, 'egressProxy has no port: set port: {number: <port>} to the port of the proxy service, e.g. 3128');
      return;
    }
    if (!isObject(port)) return;
    const number = port.number;
    const numberPath = fieldPath(portPath, 'number');
    // Numbers outside the CRD's uint32 range, negative ones too, are S-CRD-TYPES's.
    if (!isPresent(number) || number === 0) {
      report(numberPath, 'egressProxy port has no number (or 0): set it to the port of the proxy service, from 1 to 65535');
    } else if (typeof number === 'number' && number > 65535 && isUint32(number)) {
      report(numberPath, `egressProxy port ${number} is outside 1..65535: set it to the port of the proxy service`);
    }
  },
};
