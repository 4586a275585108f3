import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { OUTBOUND_TRAFFIC_POLICY_MODES } from '../../schema/model';
import { sidecarManifest } from '../support/example-manifests';
import { MODE_PATH, outboundPolicyOf } from '../support/policy-fields';

export const otpModeEnum: SidecarRule = {
  id: 'S-OTP-MODE-ENUM',
  scope: 'sidecar',
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
  check(sidecar, report) {
    const mode = outboundPolicyOf(sidecar)?.mode;
    if (typeof mode !== 'string' || OUTBOUND_TRAFFIC_POLICY_MODES.includes(mode)) return;
    const upper = mode.toUpperCase();
    let hint = 'use REGISTRY_ONLY or ALLOW_ANY';
    if (OUTBOUND_TRAFFIC_POLICY_MODES.includes(upper)) hint = `write it in upper case, ${JSON.stringify(upper)}`;
    else if (upper === 'ALLOW_ANY_DYNAMIC_DNS') hint = 'that mode exists only in MeshConfig; use ALLOW_ANY or REGISTRY_ONLY on a Sidecar';
    report(MODE_PATH, `outboundTrafficPolicy mode ${JSON.stringify(mode)} is not REGISTRY_ONLY or ALLOW_ANY: ${hint}`);
  },
};
