import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

export const ingressPortRequired = schemaRule({
  id: 'S-IN-PORT-REQUIRED',
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
}, (problem) => ({
  // The CRD names the missing field; the finding names the listener that lacks it.
  path: problem.parentPath,
  message: 'ingress listener has no port: every ingress listener needs one, e.g. {number: 9080, protocol: HTTP, name: http}',
}));
