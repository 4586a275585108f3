import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { captureModeProblem } from '../support/capture-mode';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

export const egressCaptureMode = schemaRule({
  id: 'S-EG-CAPTURE-MODE',
  severity: Severity.ERROR,
  title: 'An egress listener\'s captureMode is DEFAULT, IPTABLES or NONE',
  why: 'The Sidecar CRD only accepts DEFAULT, IPTABLES and NONE (in upper case) for captureMode, so the API server rejects any other value.',
  fix: 'Use DEFAULT, IPTABLES or NONE, or leave captureMode out for DEFAULT.',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ egress: [{ port: { number: 8080 }, captureMode: 'TPROXY', hosts: ['./*'] }] })],
    passing: [sidecarManifest({ egress: [{ port: { number: 8080 }, captureMode: 'NONE', hosts: ['./*'] }] })],
  },
}, (problem) => captureModeProblem(String(problem.value)));
