import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { OUTBOUND_TRAFFIC_POLICY_MODES } from '../../schema/model';
import { sidecarManifest } from '../support/example-manifests';
import { schemaRule } from '../support/schema-rule';

export const otpModeEnum = schemaRule({
  id: 'S-OTP-MODE-ENUM',
  severity: Severity.ERROR,
  title: 'outboundTrafficPolicy.mode is REGISTRY_ONLY or ALLOW_ANY',
  why: 'The Sidecar CRD and Istio\'s webhook accept only REGISTRY_ONLY and ALLOW_ANY; ALLOW_ANY_DYNAMIC_DNS exists only in MeshConfig.',
  fix: 'Set mode to REGISTRY_ONLY or ALLOW_ANY (upper case).',
  references: ['IST0106'],
  sources: [RuleSource.CRD, RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY_DYNAMIC_DNS' } })],
    passing: [sidecarManifest({ outboundTrafficPolicy: { mode: 'ALLOW_ANY' } })],
  },
}, (problem) => {
  const mode = String(problem.value);
  const upper = mode.toUpperCase();
  let hint = 'use REGISTRY_ONLY or ALLOW_ANY';
  if (OUTBOUND_TRAFFIC_POLICY_MODES.includes(upper)) hint = `write it in upper case, ${JSON.stringify(upper)}`;
  else if (upper === 'ALLOW_ANY_DYNAMIC_DNS') hint = 'that mode exists only in MeshConfig; use ALLOW_ANY or REGISTRY_ONLY on a Sidecar';
  return `outboundTrafficPolicy mode ${JSON.stringify(mode)} is not REGISTRY_ONLY or ALLOW_ANY: ${hint}`;
});
