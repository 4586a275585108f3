import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

export const ingressNull = schemaRule({
  id: 'S-IN-NULL',
  severity: Severity.ERROR,
  title: 'No ingress listener is null',
  why: 'Istio rejects a Sidecar with a null item in spec.ingress, typically left behind by a stray "-" in YAML.',
  fix: 'Remove the empty item from spec.ingress, or fill it in with a port.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ ingress: [null] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' } }] })],
  },
}, () => 'ingress listener is null: remove the empty item from spec.ingress, or give it a port');
