import { callHostUndefined } from './x-call-host-undefined';
import { callNotReachable } from './x-call-not-reachable';
import { callPassthrough } from './x-call-passthrough';
import { callSyntax } from './x-call-syntax';
import { Rule } from '../../rule';

/** Rules about the calls workloads declare (the cdk8s-istio-sidecar.io/calls annotation), judged against each caller's scope. */
export const CALL_RULES: readonly Rule[] = [
  callSyntax,
  callHostUndefined,
  callNotReachable,
  callPassthrough,
];
