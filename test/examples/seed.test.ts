import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildSeedApp } from '../../examples/seed/main';
import { IstioMesh, Severity } from '../../src';

// The six documents of the seed (Istio's Sidecar reference), field for field. apiVersion is
// networking.istio.io/v1 here (the seed writes v1alpha3; Istio serves the same schema).
const SEED: Array<{ kind: string; namespace: string; name: string; spec: unknown }> = [
  {
    kind: 'Sidecar',
    namespace: 'istio-config',
    name: 'default',
    spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] },
  },
  {
    kind: 'Sidecar',
    namespace: 'prod-us1',
    name: 'default',
    spec: { egress: [{ hosts: ['prod-us1/*', 'prod-apis/*', 'istio-system/*'] }] },
  },
  {
    kind: 'Sidecar',
    namespace: 'prod-us1',
    name: 'ratings',
    spec: {
      workloadSelector: { labels: { app: 'ratings' } },
      ingress: [{
        port: { number: 9080, protocol: 'HTTP', name: 'somename' },
        defaultEndpoint: 'unix:///var/run/someuds.sock',
      }],
      egress: [
        { port: { number: 9080, protocol: 'HTTP', name: 'egresshttp' }, hosts: ['prod-us1/*'] },
        { hosts: ['istio-system/*'] },
      ],
    },
  },
  {
    kind: 'Sidecar',
    namespace: 'prod-us1',
    name: 'no-ip-tables',
    spec: {
      workloadSelector: { labels: { app: 'productpage' } },
      ingress: [{
        port: { number: 9080, protocol: 'HTTP', name: 'somename' },
        defaultEndpoint: '127.0.0.1:8080',
        captureMode: 'NONE',
      }],
      egress: [{
        port: { number: 3306, protocol: 'MYSQL', name: 'egressmysql' },
        captureMode: 'NONE',
        bind: '127.0.0.1',
        hosts: ['*/mysql.foo.com'],
      }],
    },
  },
  {
    kind: 'ServiceEntry',
    namespace: 'ns1',
    name: 'external-svc-mysql',
    spec: {
      hosts: ['mysql.foo.com'],
      ports: [{ number: 3306, name: 'mysql', protocol: 'MYSQL' }],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    },
  },
  {
    kind: 'Sidecar',
    namespace: 'prod-us1',
    name: 'partial-ip-tables',
    spec: {
      workloadSelector: { labels: { app: 'productpage' } },
      ingress: [{
        bind: '172.16.1.32',
        port: { number: 80, protocol: 'HTTP', name: 'somename' },
        defaultEndpoint: '127.0.0.1:8080',
        captureMode: 'NONE',
      }],
      egress: [{ captureMode: 'IPTABLES', hosts: ['*/*'] }],
    },
  },
];

/** Synthesizes the app as `cdk8s synth` would (validation included), without writing files. */
function synthSeed(): any[] {
  const app = buildSeedApp(Testing.app());
  return parseAllDocuments(app.synthYaml()).map((doc) => doc.toJSON());
}

describe('examples/seed', () => {
  const manifests = synthSeed();

  test.each(SEED.map((doc) => [`${doc.kind} ${doc.namespace}/${doc.name}`, doc] as const))('%s is the seed document', (_, expected) => {
    const found = manifests.filter((m) => m.kind === expected.kind
      && m.metadata.namespace === expected.namespace && m.metadata.name === expected.name);
    expect(found).toHaveLength(1);
    expect(found[0].apiVersion).toEqual('networking.istio.io/v1');
    expect(found[0].spec).toEqual(expected.spec);
  });

  test('it holds the six seed documents and nothing else', () => {
    expect(manifests.map((m) => `${m.kind} ${m.metadata.namespace}/${m.metadata.name}`).sort())
      .toEqual(SEED.map((doc) => `${doc.kind} ${doc.namespace}/${doc.name}`).sort());
  });

  test('it synthesizes with no unsuppressed finding; the one suppressed is the productpage selector clash', () => {
    const app = buildSeedApp(Testing.app());
    const findings = IstioMesh.of(app).findings();
    expect(findings.filter((f) => f.suppressedReason === undefined && f.severity !== Severity.INFO)).toEqual([]);
    expect(findings.filter((f) => f.suppressedReason !== undefined).map((f) => [f.ruleId, f.resource.name]))
      .toEqual([['X-WORKLOAD-MULTIPLE-SELECTORS', 'partial-ip-tables']]);
  });

  test('it sets the seed root namespace', () => {
    const app = buildSeedApp(Testing.app());
    expect(IstioMesh.of(app).rootNamespace).toEqual('istio-config');
  });
});
