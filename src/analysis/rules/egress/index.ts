import { egressBindIp } from './egress-bind-ip';
import { egressBindWithoutPort } from './egress-bind-without-port';
import { egressCaptureMode } from './egress-capture-mode';
import { egressCatchAllLast } from './egress-catch-all-last';
import { egressHostsRequired } from './egress-hosts-required';
import { egressNull } from './egress-null';
import { egressPortRange } from './egress-port-range';
import { egressPortUnique } from './egress-port-unique';
import { egressUdsBindRequired } from './egress-uds-bind-required';
import { egressUdsCaptureMode } from './egress-uds-capture-mode';
import { egressUdsPath } from './egress-uds-path';
import { egressUdsUnique } from './egress-uds-unique';
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
