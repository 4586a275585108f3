import { findRule } from '../../../src/analysis/rules';
import { DEFAULT_OWNERS, PINNED_CRD, SIDECAR_SPEC_SCHEMA, SchemaNode, SchemaProblemKind } from '../../../src/analysis/schema';

// Its fields, types, ranges and enums are checked against the pinned CRD in pinned-crd.test.ts.
describe('SIDECAR_SPEC_SCHEMA', () => {
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

  test('keeps the CRD\'s CEL rules, which the pinned validator cannot check', () => {
    const cel = nodes(SIDECAR_SPEC_SCHEMA, 'spec').flatMap(([path, node]) => [
      ...(node.type === 'duration' && node.minimum ? [`${path} >= ${node.minimum}`] : []),
      ...(node.type === 'string' && node.forbiddenSubstring ? [`${path} has no ${node.forbiddenSubstring}`] : []),
      ...(node.type === 'object' ? (node.mutuallyExclusive ?? []).map((group) => `${path}: one of ${group.join(', ')}`) : []),
    ]);
    const pool = (base: string) => [
      'http.http2KeepAlive.interval', 'http.http2KeepAlive.timeout', 'http.idleTimeout',
      'tcp.connectTimeout', 'tcp.maxConnectionDuration', 'tcp.tcpKeepalive.interval', 'tcp.tcpKeepalive.time',
    ].map((field) => `${base}.${field} >= 1ms`);
    expect(cel.sort()).toEqual([
      ...pool('spec.inboundConnectionPool'),
      ...pool('spec.ingress[].connectionPool'),
      'spec.ingress[].tls: one of credentialNames, tlsCertificates',
      'spec.ingress[].tls: one of credentialName, credentialNames',
      'spec.workloadSelector.labels{} has no *',
    ].sort());
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
