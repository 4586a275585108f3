import { CAPTURE_MODES } from '../../schema/model';

/**
 * Why a listener's captureMode is not one of the CRD's (case-sensitive) values, with a hint.
 * Shared by the ingress and egress rules so both give the same message.
 */
export function captureModeProblem(mode: string): string {
  const upper = mode.toUpperCase();
  const hint = CAPTURE_MODES.includes(upper) ? `write it in upper case, ${JSON.stringify(upper)}` : 'use one of them, or leave captureMode out for DEFAULT';
  return `captureMode ${JSON.stringify(mode)} is not one of DEFAULT, IPTABLES or NONE, so the Sidecar CRD rejects it: ${hint}`;
}
