import {
  INGRESS_LISTENER_SCHEMA, SIDECAR_SPEC_SCHEMA, SchemaNode, describeExpected, describeValue, schemaProblems, sidecarSpecProblems,
} from '../../../src/analysis/schema';

/** `kind path` of every problem, the shortest way to compare them. */
function summary(spec: unknown): string[] {
  return sidecarSpecProblems(spec).map((p) => `${p.kind} ${p.path}`);
}

// Every field of the spec, each with a valid value: the whole model must accept it.
const EVERY_FIELD = {
  workloadSelector: { labels: { app: 'ratings', version: '' } },
  ingress: [{
    port: { number: 9080, protocol: 'HTTPS', name: 'https', targetPort: 0 },
    bind: '0.0.0.0',
    captureMode: 'NONE',
    defaultEndpoint: '127.0.0.1:8080',
    connectionPool: {
      http: {
        h2UpgradePolicy: 'UPGRADE',
        http1MaxPendingRequests: 1,
        http2KeepAlive: { interval: '10s', timeout: '1.5s' },
        http2MaxRequests: 2,
        idleTimeout: '1m',
        maxConcurrentStreams: 3,
        maxRequestsPerConnection: 4,
        maxRetries: 5,
        useClientProtocol: false,
      },
      tcp: {
        connectTimeout: '1ms',
        idleTimeout: '0s',
        maxConnectionDuration: '1h',
        maxConnections: -1,
        tcpKeepalive: { interval: '75s', probes: 9, time: '2h' },
      },
    },
    tls: {
      mode: 'MUTUAL',
      serverCertificate: '/c.pem',
      privateKey: '/k.pem',
      caCertificates: '/ca.pem',
      caCrl: '/crl.pem',
      caCertCredentialName: 'ca',
      cipherSuites: ['ECDHE-RSA-AES256-GCM-SHA384'],
      credentialName: 'cred',
      ecdhCurves: ['P-256'],
      httpsRedirect: false,
      insecureSkipVerify: null,
      minProtocolVersion: 'TLSV1_2',
      maxProtocolVersion: 'TLSV1_3',
      subjectAltNames: ['a.com'],
      tlsCertificates: [{ serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca' }],
      verifyCertificateHash: ['ab'],
      verifyCertificateSpki: ['cd'],
    },
  }],
  egress: [{ port: { number: 8080, protocol: 'HTTP', name: 'http', targetPort: 0 }, bind: '127.0.0.1', captureMode: 'IPTABLES', hosts: ['./*'] }],
  inboundConnectionPool: { tcp: { maxConnections: 100 } },
  outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.example.com', subset: 'v1', port: { number: 3128 } } },
};

describe('sidecarSpecProblems', () => {
  test('a spec that sets every field of the CRD correctly has no problems', () => {
    expect(summary(EVERY_FIELD)).toEqual([]);
  });

  test.each([
    ['no spec', undefined],
    ['a null spec (pruned)', null],
    ['an empty spec', {}],
    ['null fields are pruned, not rejected', { egress: null, ingress: [{ port: { number: 80, name: null } }], workloadSelector: { labels: null } }],
    ['a null label value', { workloadSelector: { labels: { app: null } } }],
    ['credentialNames (exclusive with credentialName)', { ingress: [{ port: { number: 443 }, tls: { credentialNames: ['a', 'b'] } }] }],
  ])('no problem: %s', (_name, spec) => {
    expect(summary(spec)).toEqual([]);
  });

  test.each([
    ['a spec that is a string', 'egress', ['wrong-type spec']],
    ['a spec that is a list', [], ['wrong-type spec']],
    ['egress as a string', { egress: 'foo' }, ['wrong-type spec.egress']],
    ['a quoted port number', { ingress: [{ port: { number: '80' } }] }, ['wrong-type spec.ingress[0].port.number']],
    ['a fractional port number', { ingress: [{ port: { number: 80.5 } }] }, ['not-integer spec.ingress[0].port.number']],
    ['a negative uint32', { egress: [{ hosts: ['./*'], port: { targetPort: -1 } }] }, ['out-of-range spec.egress[0].port.targetPort']],
    ['an int32 above its range', { inboundConnectionPool: { tcp: { maxConnections: 2147483648 } } }, ['out-of-range spec.inboundConnectionPool.tcp.maxConnections']],
    ['a number label value', { workloadSelector: { labels: { app: 1 } } }, ['wrong-type spec.workloadSelector.labels.app']],
    ['a quoted boolean', { inboundConnectionPool: { http: { useClientProtocol: 'true' } } }, ['wrong-type spec.inboundConnectionPool.http.useClientProtocol']],
    ['a number as enum', { egress: [{ hosts: ['./*'], captureMode: 1 }] }, ['wrong-type spec.egress[0].captureMode']],
    ['a null list item', { egress: [null] }, ['null-item spec.egress[0]']],
    ['a number host', { egress: [{ hosts: ['./*', 5] }] }, ['wrong-type spec.egress[0].hosts[1]']],
    ['an unknown field, deep down', { egress: [{ hosts: ['./*'], hostz: ['a/b.com'] }] }, ['unknown-field spec.egress[0].hostz']],
    ['an unknown top-level spec field', { egress: [{ hosts: ['./*'] }], foo: 1 }, ['unknown-field spec.foo']],
    ['a value outside the enum', { outboundTrafficPolicy: { mode: 'ALLOW_ANY_DYNAMIC_DNS' } }, ['not-in-enum spec.outboundTrafficPolicy.mode']],
    ['a missing required field', { ingress: [{ bind: '0.0.0.0' }], egress: [{}] }, ['missing-required spec.ingress[0].port', 'missing-required spec.egress[0].hosts']],
    ['a required field that is null', { outboundTrafficPolicy: { egressProxy: { host: null } } }, ['missing-required spec.outboundTrafficPolicy.egressProxy.host']],
    ['a too long label value and a wildcard', { workloadSelector: { labels: { a: 'x'.repeat(64), b: '*' } } },
      ['too-long spec.workloadSelector.labels.a', 'forbidden-substring spec.workloadSelector.labels.b']],
    ['too many labels', { workloadSelector: { labels: Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`l${i}`, 'x'])) } },
      ['property-count spec.workloadSelector.labels']],
    ['exclusive TLS fields and too many credential names', { ingress: [{ port: { number: 443 }, tls: { credentialName: 'a', credentialNames: ['b', 'c', 'd'] } }] },
      ['item-count spec.ingress[0].tls.credentialNames', 'exclusive spec.ingress[0].tls']],
    ['a duration that is not one', { inboundConnectionPool: { tcp: { connectTimeout: '5 seconds' } } }, ['invalid-duration spec.inboundConnectionPool.tcp.connectTimeout']],
    ['a duration under the CRD minimum', { inboundConnectionPool: { http: { idleTimeout: '500us' } } }, ['below-minimum spec.inboundConnectionPool.http.idleTimeout']],
    ['a field of an object of the wrong type is not visited', { ingress: [{ port: 'http', tls: { bogus: 1 } }] },
      ['wrong-type spec.ingress[0].port', 'unknown-field spec.ingress[0].tls.bogus']],
  ])('%s', (_name, spec, expected) => {
    expect(summary(spec)).toEqual(expected);
  });

  test('an unknown field carries its name, its parent and the field it most likely meant', () => {
    const [problem] = sidecarSpecProblems({ egress: [{ hostz: ['./*'] }] }).filter((p) => p.kind === 'unknown-field');
    expect(problem).toMatchObject({ field: 'hostz', parentPath: 'spec.egress[0]', suggestion: 'hosts', path: 'spec.egress[0].hostz' });
  });

  test('a key that is not an identifier is quoted in the path', () => {
    expect(summary({ workloadSelector: { labels: { 'app.kubernetes.io/name': 7 } } }))
      .toEqual(['wrong-type spec.workloadSelector.labels["app.kubernetes.io/name"]']);
  });

  test('a hole of a sparse list (an API caller\'s, YAML has none) is skipped, as a list without it', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = { egress: [, { hosts: [7] }], ingress: [{ port: { number: 'x' } }] };
    expect(summary(sparse)).toEqual(['wrong-type spec.egress[1].hosts[0]', 'wrong-type spec.ingress[0].port.number']);
  });

  test('a clean scalar skipped on the fast path still reports when a constraint of its schema breaks', () => {
    expect(summary({ ingress: [{ port: { number: 4294967296, protocol: 'HTTP', name: 'http' } }], outboundTrafficPolicy: { mode: 'SOMETIMES' } }))
      .toEqual(['out-of-range spec.ingress[0].port.number', 'not-in-enum spec.outboundTrafficPolicy.mode']);
  });

  test('inherited property names are unknown fields, not schema nodes', () => {
    expect(summary(JSON.parse('{"constructor": 1, "toString": {}}'))).toEqual(['unknown-field spec.constructor', 'unknown-field spec.toString']);
  });
});

describe('schemaProblems', () => {
  test('walks any node from any path', () => {
    expect(schemaProblems({ port: { number: -5 } }, INGRESS_LISTENER_SCHEMA, 'listener').map((p) => `${p.kind} ${p.path} ${p.reason}`))
      .toEqual(['out-of-range listener.port.number expected a whole number from 0 to 4294967295']);
  });
});

describe('descriptions', () => {
  test.each([
    [{ type: 'integer', minimum: 0, maximum: 4294967295 }, 'a whole number from 0 to 4294967295'],
    [{ type: 'enum', values: ['A', 'B'] }, 'one of A, B'],
    [SIDECAR_SPEC_SCHEMA, 'an object'],
    [{ type: 'array', items: { type: 'string' } }, 'a list'],
    [{ type: 'boolean' }, 'true or false'],
    [{ type: 'stringMap', values: { type: 'string' } }, 'a map of strings'],
    [{ type: 'duration' }, 'a duration string such as "1s"'],
    [{ type: 'string' }, 'a string'],
  ] as Array<[SchemaNode, string]>)('expected %j -> %s', (schema, text) => {
    expect(describeExpected(schema)).toBe(text);
  });

  test.each([
    ['80', 'the string "80"'],
    [80, 'the number 80'],
    [true, 'the boolean true'],
    [null, 'null'],
    [[], 'a list'],
    [{}, 'an object'],
  ])('value %j -> %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});
