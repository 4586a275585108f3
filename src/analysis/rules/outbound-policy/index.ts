import { otpEgressProxyDeprecated } from './s-otp-egressproxy-deprecated';
import { otpEgressProxyHost } from './s-otp-egressproxy-host';
import { otpEgressProxyPort } from './s-otp-egressproxy-port';
import { otpEgressProxyRequiresAllowAny } from './s-otp-egressproxy-requires-allow-any';
import { otpEgressProxySubset } from './s-otp-egressproxy-subset';
import { otpModeDefaultRegistryOnly } from './s-otp-mode-default-registry-only';
import { otpModeEnum } from './s-otp-mode-enum';
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
