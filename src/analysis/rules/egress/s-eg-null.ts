import { Severity } from '../../finding';
import { arrayAt, fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';

export const egressNull: SidecarRule = {
  id: 'S-EG-NULL',
  scope: 'sidecar',
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
  check(sidecar, report) {
    (arrayAt(sidecar.spec, 'egress') ?? []).forEach((item, index) => {
      if (item === null) {
        report(fieldPath('spec.egress', index), `egress listener ${index} is null (an empty "-" item in YAML): remove it from spec.egress or fill it in`);
      }
    });
  },
};
