import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { ingressListeners } from '../support/sidecar-fields';

export const ingressPortRequired: SidecarRule = {
  id: 'S-IN-PORT-REQUIRED',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Every ingress listener has a port',
  why: 'The Sidecar CRD requires port on ingress listeners and Istio\'s webhook rejects a listener without one: the port is what the sidecar listens on.',
  fix: 'Give the listener a port, e.g. {number: 9080, protocol: HTTP, name: http}.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK, RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ ingress: [{ defaultEndpoint: '127.0.0.1:8080' }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, defaultEndpoint: '127.0.0.1:8080' }] })],
  },
  check(sidecar, report) {
    for (const { listener, path } of ingressListeners(sidecar)) {
      if (listener.port === undefined || listener.port === null) {
        report(path, 'ingress listener has no port: every ingress listener needs one, e.g. {number: 9080, protocol: HTTP, name: http}');
      }
    }
  },
};
