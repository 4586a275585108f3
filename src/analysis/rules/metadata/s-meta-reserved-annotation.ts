import { Severity } from '../../finding';
import { fieldPath, objectAt } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';

const DRY_RUN = 'istio.io/dry-run';
// Istio sets these on the objects it generates; a user who sets them could widen what the object may do.
const INTERNAL = ['internal.istio.io/webhook-always-reject', 'internal.istio.io/parents', 'internal.istio.io/parent-namespace'];

export const reservedAnnotation: SidecarRule = {
  id: 'S-META-RESERVED-ANNOTATION',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A Sidecar carries none of the annotations Istio reserves (istio.io/dry-run, internal.istio.io/*)',
  why: 'Istio rejects a Sidecar annotated istio.io/dry-run (only AuthorizationPolicy supports dry runs) or carrying one of its internal annotations.',
  fix: 'Remove the annotation from metadata.annotations.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { annotations: { [DRY_RUN]: 'true' } })],
    passing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { annotations: { 'team.example.com/owner': 'payments' } })],
  },
  check(sidecar, report) {
    const annotations = objectAt(objectAt(sidecar.manifest, 'metadata'), 'annotations');
    if (!annotations) return;
    const path = (key: string) => fieldPath('metadata.annotations', key);
    if (annotations[DRY_RUN] !== undefined) {
      report(path(DRY_RUN), `the annotation "${DRY_RUN}" is only supported on AuthorizationPolicy, and Istio rejects a Sidecar that carries it; remove it`);
    }
    for (const key of INTERNAL) {
      if (annotations[key] !== undefined) {
        report(path(key), `the annotation "${key}" is reserved for Istio's internal use, and Istio rejects a Sidecar that sets it; remove it`);
      }
    }
  },
};
