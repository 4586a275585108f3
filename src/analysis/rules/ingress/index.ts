import { ingressBindIp } from './s-in-bind-ip';
import { ingressCaptureMode } from './s-in-capture-mode';
import { defaultEndpointHost } from './s-in-default-endpoint-host';
import { defaultEndpointPort } from './s-in-default-endpoint-port';
import { defaultEndpointUds } from './s-in-default-endpoint-uds';
import { ingressNull } from './s-in-null';
import { ingressPortRange } from './s-in-port-range';
import { ingressPortRequired } from './s-in-port-required';
import { ingressPortUnique } from './s-in-port-unique';
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
