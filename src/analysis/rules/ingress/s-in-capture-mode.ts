import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { captureModeProblem } from '../support/capture-mode';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

export const ingressCaptureMode = schemaRule({
  id: 'S-IN-CAPTURE-MODE',
  severity: Severity.ERROR,
  title: 'An ingress captureMode is DEFAULT, IPTABLES or NONE',
  why: 'The Sidecar CRD rejects any other captureMode (the names are case-sensitive); Istio\'s webhook never looks at it.',
  fix: 'Set captureMode to DEFAULT, IPTABLES or NONE, or leave it out.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, captureMode: 'TPROXY' }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, captureMode: 'IPTABLES' }] })],
  },
}, (problem) => captureModeProblem(String(problem.value)));
