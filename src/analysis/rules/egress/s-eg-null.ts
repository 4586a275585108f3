import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

export const egressNull = schemaRule({
  id: 'S-EG-NULL',
  severity: Severity.ERROR,
  title: 'No egress listener is null',
  why: 'Istio rejects a Sidecar with a null item in spec.egress, which usually comes from a stray "-" in YAML.',
  fix: 'Remove the empty item from spec.egress, or fill it in.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['./*'] }, null] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] })],
  },
}, (problem) => `egress listener ${String(problem.key)} is null (an empty "-" item in YAML): remove it from spec.egress or fill it in`);
