import { otpEgressProxyDeprecated } from './otp-egress-proxy-deprecated';
import { otpEgressProxyHost } from './otp-egress-proxy-host';
import { otpEgressProxyPort } from './otp-egress-proxy-port';
import { otpEgressProxyRequiresAllowAny } from './otp-egress-proxy-requires-allow-any';
import { otpEgressProxySubset } from './otp-egress-proxy-subset';
import { otpModeDefaultRegistryOnly } from './otp-mode-default-registry-only';
import { otpModeEnum } from './otp-mode-enum';
import { Rule } from '../../rule';

export const OUTBOUND_POLICY_RULES: readonly Rule[] = [
  otpModeEnum,
  otpModeDefaultRegistryOnly,
  otpEgressProxyRequiresAllowAny,
  otpEgressProxyHost,
  otpEgressProxyPort,
  otpEgressProxySubset,
  otpEgressProxyDeprecated,
];
