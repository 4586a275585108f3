import { findRule } from '../../../src/analysis/rules';
import { DEFAULT_OWNERS, PINNED_CRD, SIDECAR_SPEC_SCHEMA, SchemaNode, SchemaProblemKind } from '../../../src/analysis/schema';

/** `path: type` of every node of the model, lists written `[]`. */
function leaves(node: SchemaNode, path: string): string[] {
  if (node.type === 'object') return Object.entries(node.fields).flatMap(([name, child]) => leaves(child, `${path}.${name}`));
  if (node.type === 'array') return leaves(node.items, `${path}[]`);
  if (node.type === 'integer') return [`${path}: integer ${node.minimum}..${node.maximum}`];
  if (node.type === 'enum') return [`${path}: enum ${node.values.join('|')}`];
  if (node.type === 'duration') return [`${path}: duration${node.minimum ? ` >= ${node.minimum}` : ''}`];
  return [`${path}: ${node.type}`];
}

const UINT32 = 'integer 0..4294967295';
const INT32 = 'integer -2147483648..2147483647';
const CAPTURE = 'enum DEFAULT|IPTABLES|NONE';

function connectionPool(base: string): string[] {
  return [
    `${base}.http.h2UpgradePolicy: enum DEFAULT|DO_NOT_UPGRADE|UPGRADE`,
    `${base}.http.http1MaxPendingRequests: ${INT32}`,
    `${base}.http.http2KeepAlive.interval: duration >= 1ms`,
    `${base}.http.http2KeepAlive.timeout: duration >= 1ms`,
    `${base}.http.http2MaxRequests: ${INT32}`,
    `${base}.http.idleTimeout: duration >= 1ms`,
    `${base}.http.maxConcurrentStreams: ${INT32}`,
    `${base}.http.maxRequestsPerConnection: ${INT32}`,
    `${base}.http.maxRetries: ${INT32}`,
    `${base}.http.useClientProtocol: boolean`,
    `${base}.tcp.connectTimeout: duration >= 1ms`,
    `${base}.tcp.idleTimeout: duration`,
    `${base}.tcp.maxConnectionDuration: duration >= 1ms`,
    `${base}.tcp.maxConnections: ${INT32}`,
    `${base}.tcp.tcpKeepalive.interval: duration >= 1ms`,
    `${base}.tcp.tcpKeepalive.probes: ${UINT32}`,
    `${base}.tcp.tcpKeepalive.time: duration >= 1ms`,
  ];
}

function port(base: string): string[] {
  return [`${base}.name: string`, `${base}.number: ${UINT32}`, `${base}.protocol: string`, `${base}.targetPort: ${UINT32}`];
}

const TLS = 'spec.ingress[].tls';
const TLS_VERSION = 'enum TLS_AUTO|TLSV1_0|TLSV1_1|TLSV1_2|TLSV1_3';

// Written out from the Sidecar CRD by hand: a change to the model must be a deliberate one.
const EXPECTED = [
  'spec.egress[].bind: string',
  `spec.egress[].captureMode: ${CAPTURE}`,
  'spec.egress[].hosts[]: string',
  ...port('spec.egress[].port'),
  ...connectionPool('spec.inboundConnectionPool'),
  'spec.ingress[].bind: string',
  `spec.ingress[].captureMode: ${CAPTURE}`,
  ...connectionPool('spec.ingress[].connectionPool'),
  'spec.ingress[].defaultEndpoint: string',
  ...port('spec.ingress[].port'),
  `${TLS}.caCertCredentialName: string`,
  `${TLS}.caCertificates: string`,
  `${TLS}.caCrl: string`,
  `${TLS}.cipherSuites[]: string`,
  `${TLS}.credentialName: string`,
  `${TLS}.credentialNames[]: string`,
  `${TLS}.ecdhCurves[]: string`,
  `${TLS}.httpsRedirect: boolean`,
  `${TLS}.insecureSkipVerify: boolean`,
  `${TLS}.maxProtocolVersion: ${TLS_VERSION}`,
  `${TLS}.minProtocolVersion: ${TLS_VERSION}`,
  `${TLS}.mode: enum PASSTHROUGH|SIMPLE|MUTUAL|AUTO_PASSTHROUGH|ISTIO_MUTUAL|OPTIONAL_MUTUAL`,
  `${TLS}.privateKey: string`,
  `${TLS}.serverCertificate: string`,
  `${TLS}.subjectAltNames[]: string`,
  `${TLS}.tlsCertificates[].caCertificates: string`,
  `${TLS}.tlsCertificates[].privateKey: string`,
  `${TLS}.tlsCertificates[].serverCertificate: string`,
  `${TLS}.verifyCertificateHash[]: string`,
  `${TLS}.verifyCertificateSpki[]: string`,
  'spec.outboundTrafficPolicy.egressProxy.host: string',
  `spec.outboundTrafficPolicy.egressProxy.port.number: ${UINT32}`,
  'spec.outboundTrafficPolicy.egressProxy.subset: string',
  'spec.outboundTrafficPolicy.mode: enum REGISTRY_ONLY|ALLOW_ANY',
  'spec.workloadSelector.labels: stringMap',
];

describe('SIDECAR_SPEC_SCHEMA', () => {
  test('models every field of the Sidecar CRD spec, with its type and range', () => {
    expect(leaves(SIDECAR_SPEC_SCHEMA, 'spec').sort()).toEqual([...EXPECTED].sort());
  });

  test('keeps the CRD constraints other rules and checks rely on', () => {
    const ingress = SIDECAR_SPEC_SCHEMA.fields.ingress;
    const egress = SIDECAR_SPEC_SCHEMA.fields.egress;
    expect(ingress.type === 'array' && ingress.items.type === 'object' && ingress.items.required).toEqual(['port']);
    expect(egress.type === 'array' && egress.items.type === 'object' && egress.items.required).toEqual(['hosts']);
    expect(SIDECAR_SPEC_SCHEMA.fields.workloadSelector).toMatchObject({
      type: 'object',
      fields: { labels: { type: 'stringMap', values: { type: 'string', maxLength: 63, forbiddenSubstring: '*' }, maxProperties: 256 } },
    });
  });

  test('names the Istio release it is pinned to', () => {
    expect(PINNED_CRD.description).toBe(`Istio ${PINNED_CRD.istioRelease}, via ${PINNED_CRD.package} ${PINNED_CRD.packageVersion}`);
  });
});

/** The kinds of problem a node can give, from the constraints it declares. */
function kindsOf(node: SchemaNode): SchemaProblemKind[] {
  const kinds: SchemaProblemKind[] = ['wrong-type'];
  switch (node.type) {
    case 'object':
      kinds.push('unknown-field');
      if (node.required?.length) kinds.push('missing-required');
      if (node.mutuallyExclusive?.length) kinds.push('exclusive');
      break;
    case 'array':
      kinds.push('null-item');
      if (node.minItems !== undefined || node.maxItems !== undefined) kinds.push('item-count');
      break;
    case 'string':
      if (node.maxLength !== undefined) kinds.push('too-long');
      if (node.forbiddenSubstring !== undefined) kinds.push('forbidden-substring');
      break;
    case 'integer': kinds.push('not-integer', 'out-of-range'); break;
    case 'stringMap': if (node.maxProperties !== undefined) kinds.push('property-count'); break;
    case 'duration':
      kinds.push('invalid-duration');
      if (node.minimum !== undefined) kinds.push('below-minimum');
      break;
    case 'enum': kinds.push('not-in-enum'); break;
    case 'boolean': break;
  }
  return kinds;
}

/** Every node of the model with its path. */
function nodes(node: SchemaNode, path: string): Array<[string, SchemaNode]> {
  const children = node.type === 'object' ? Object.entries(node.fields).flatMap(([name, child]) => nodes(child, `${path}.${name}`))
    : node.type === 'array' ? nodes(node.items, `${path}[]`)
      : node.type === 'stringMap' ? nodes(node.values, `${path}{}`) : [];
  return [[path, node], ...children];
}

describe('owners of schema problems', () => {
  const all = nodes(SIDECAR_SPEC_SCHEMA, 'spec');

  test('every constraint of every node has an owner: its own, or the default for its kind', () => {
    const unowned = all.flatMap(([path, node]) => kindsOf(node).filter((kind) => !node.owners?.[kind] && !DEFAULT_OWNERS[kind]).map((kind) => `${path}: ${kind}`));
    expect(unowned).toEqual([]);
  });

  test('a node names owners only for problems it can have', () => {
    const stale = all.flatMap(([path, node]) => Object.keys(node.owners ?? {}).filter((kind) => !kindsOf(node).includes(kind as SchemaProblemKind)).map((kind) => `${path}: ${kind}`));
    expect(stale).toEqual([]);
  });

  test('every owner is a registered Sidecar rule', () => {
    const owners = [...Object.values(DEFAULT_OWNERS), ...all.flatMap(([, node]) => Object.values(node.owners ?? {}))];
    const unknown = owners.filter((id) => findRule(id ?? '')?.scope !== 'sidecar');
    expect(unknown).toEqual([]);
  });
});
