import { egressBindIp } from './s-eg-bind-ip';
import { egressBindWithoutPort } from './s-eg-bind-without-port';
import { egressCaptureMode } from './s-eg-capture-mode';
import { egressCatchAllLast } from './s-eg-catchall-last';
import { egressHostsRequired } from './s-eg-hosts-required';
import { egressNull } from './s-eg-null';
import { egressPortRange } from './s-eg-port-range';
import { egressPortUnique } from './s-eg-port-unique';
import { egressUdsBindRequired } from './s-eg-uds-bind-required';
import { egressUdsCaptureMode } from './s-eg-uds-capture-mode';
import { egressUdsPath } from './s-eg-uds-path';
import { egressUdsUnique } from './s-eg-uds-unique';
import { Rule } from '../../rule';

export const EGRESS_RULES: readonly Rule[] = [
  egressNull,
  egressHostsRequired,
  egressCatchAllLast,
  egressPortRange,
  egressPortUnique,
  egressUdsBindRequired,
  egressUdsPath,
  egressUdsCaptureMode,
  egressUdsUnique,
  egressBindIp,
  egressBindWithoutPort,
  egressCaptureMode,
];
