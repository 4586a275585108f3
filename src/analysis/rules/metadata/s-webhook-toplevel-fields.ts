import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { nearMiss } from '../../schema/near-miss';
import { sidecarManifest } from '../support/example-manifests';

const TOP_LEVEL_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

export const webhookTopLevelFields: SidecarRule = {
  id: 'S-WEBHOOK-TOPLEVEL-FIELDS',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A Sidecar has no top-level fields besides apiVersion, kind, metadata, spec and status',
  why: 'Istio rejects a Sidecar with any other top-level field; it is usually a field indented one level too little.',
  fix: 'Move the field under spec (or metadata) where it belongs, or remove it.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [{ ...sidecarManifest({ egress: [{ hosts: ['./*'] }] }), egress: [{ hosts: ['istio-system/*'] }] }],
    passing: [sidecarManifest({ egress: [{ hosts: ['./*', 'istio-system/*'] }] })],
  },
  check(sidecar, report) {
    for (const key of Object.keys(sidecar.manifest)) {
      if (TOP_LEVEL_FIELDS.includes(key)) continue;
      const suggestion = nearMiss(key, TOP_LEVEL_FIELDS);
      const fix = suggestion ? `did you mean "${suggestion}"?` : 'move it under spec or metadata, or remove it';
      report(fieldPath('', key), `unknown top-level field "${key}": Istio rejects a Sidecar with top-level fields other than apiVersion, kind, metadata, spec and status; ${fix}`);
    }
  },
};
