import { describeRule } from '../../rule-cases';

const http = (settings: object) => ({ inboundConnectionPool: { http: settings } });

describeRule('S-CP-H2-UPGRADE-CLIENT-PROTOCOL', {
  good: [
    { name: 'UPGRADE alone', spec: http({ h2UpgradePolicy: 'UPGRADE' }) },
    { name: 'useClientProtocol with another policy', spec: http({ h2UpgradePolicy: 'DO_NOT_UPGRADE', useClientProtocol: true }) },
    { name: 'UPGRADE with useClientProtocol false', spec: http({ h2UpgradePolicy: 'UPGRADE', useClientProtocol: false }) },
    { name: 'a wrong-typed flag is left to the schema rule', spec: http({ h2UpgradePolicy: 'UPGRADE', useClientProtocol: 'true' }) },
  ],
  bad: [
    {
      name: 'UPGRADE with useClientProtocol -> error',
      spec: http({ h2UpgradePolicy: 'UPGRADE', useClientProtocol: true }),
      path: 'spec.inboundConnectionPool.http.useClientProtocol',
      message: 'http.useClientProtocol is true while http.h2UpgradePolicy is "UPGRADE": Istio rejects the pair because one keeps the client\'s protocol '
        + 'and the other forces HTTP/2; drop useClientProtocol or change h2UpgradePolicy',
    },
    {
      name: 'on a per-port pool -> error',
      spec: { ingress: [{ port: { number: 80, protocol: 'HTTP' }, connectionPool: { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } } }] },
      path: 'spec.ingress[0].connectionPool.http.useClientProtocol',
    },
  ],
});
