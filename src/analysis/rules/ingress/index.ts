import { ingressBindIp } from './bind-ip';
import { ingressCaptureMode } from './capture-mode';
import { defaultEndpointHost } from './default-endpoint-host';
import { defaultEndpointPort } from './default-endpoint-port';
import { defaultEndpointUds } from './default-endpoint-uds';
import { ingressNull } from './ingress-null';
import { ingressPortRange } from './port-range';
import { ingressPortRequired } from './port-required';
import { ingressPortUnique } from './port-unique';
import { Rule } from '../../rule';

export const INGRESS_RULES: readonly Rule[] = [
  ingressNull,
  ingressPortRequired,
  ingressPortRange,
  ingressPortUnique,
  ingressBindIp,
  defaultEndpointHost,
  defaultEndpointPort,
  defaultEndpointUds,
  ingressCaptureMode,
];
