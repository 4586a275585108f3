import { connectionPoolDuration } from './s-cp-duration';
import { h2KeepAlive } from './s-cp-h2-keepalive';
import { h2UpgradeClientProtocol } from './s-cp-h2-upgrade-client-protocol';
import { httpPoolOnNonHttpPort } from './s-cp-http-on-non-http-port';
import { connectionPoolNonEmpty } from './s-cp-nonempty';
import { connectionPoolNonNegative } from './s-cp-nonnegative';
import { Rule } from '../../rule';

export const CONNECTION_POOL_RULES: readonly Rule[] = [
  connectionPoolNonEmpty,
  connectionPoolNonNegative,
  connectionPoolDuration,
  h2UpgradeClientProtocol,
  h2KeepAlive,
  httpPoolOnNonHttpPort,
];
