import { egHttpProxy } from './s-eg-http-proxy';
import { portName } from './s-port-name';
import { portNumberCrd } from './s-port-number-crd';
import { portProtocol } from './s-port-protocol';
import { portTargetPort } from './s-port-targetport';
import { Rule } from '../../rule';

export const PORTS_RULES: readonly Rule[] = [
  portNumberCrd,
  portName,
  portProtocol,
  portTargetPort,
  egHttpProxy,
];
