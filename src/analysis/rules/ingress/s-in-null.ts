import { Severity } from '../../finding';
import { arrayAt, fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';

export const ingressNull: SidecarRule = {
  id: 'S-IN-NULL',
  scope: 'sidecar',
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
  check(sidecar, report) {
    (arrayAt(sidecar.spec, 'ingress') ?? []).forEach((item, index) => {
      if (item === null) {
        report(fieldPath('spec.ingress', index), 'ingress listener is null: remove the empty item from spec.ingress, or give it a port');
      }
    });
  },
};
