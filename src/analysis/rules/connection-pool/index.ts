import { connectionPoolDuration } from './duration';
import { h2KeepAlive } from './h2-keepalive';
import { h2UpgradeClientProtocol } from './h2-upgrade-client-protocol';
import { httpPoolOnNonHttpPort } from './http-on-non-http-port';
import { connectionPoolNonEmpty } from './nonempty';
import { connectionPoolNonNegative } from './nonnegative';
import { Rule } from '../../rule';

export const CONNECTION_POOL_RULES: readonly Rule[] = [
  connectionPoolNonEmpty,
  connectionPoolNonNegative,
  connectionPoolDuration,
  h2UpgradeClientProtocol,
  h2KeepAlive,
  httpPoolOnNonHttpPort,
];
