import { egHttpProxy } from './eg-http-proxy';
import { portName } from './port-name';
import { portNumberCrd } from './port-number-crd';
import { portProtocol } from './port-protocol';
import { portTargetPort } from './port-target-port';
import { Rule } from '../../rule';

export const PORTS_RULES: readonly Rule[] = [
  portNumberCrd,
  portName,
  portProtocol,
  portTargetPort,
  egHttpProxy,
];
