import { MeshAnalysis, OutboundTrafficPolicyMode, RegistryCompleteness, SelectionVia, Severity } from '../../src';
import { deploymentManifest, meshSidecar, selectorSidecar, serviceManifest } from '../../src/analysis/rules/support/mesh-examples';

describe('MeshAnalysis.analyze', () => {
  test('runs every rule over plain manifests, cross-object rules included', () => {
    const findings = MeshAnalysis.analyze([meshSidecar('shop', 'default'), meshSidecar('shop', 'other')]);
    expect(findings.filter((f) => f.ruleId === 'X-NS-MULTIPLE-SELECTORLESS')).toEqual([
      expect.objectContaining({
        severity: Severity.ERROR,
        resource: { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace: 'shop', name: 'default' },
        references: ['IST0111', 'KIA0002'],
        related: [{ resource: { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace: 'shop', name: 'other' } }],
      }),
      expect.objectContaining({
        resource: { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace: 'shop', name: 'other' },
        related: [{ resource: { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace: 'shop', name: 'default' } }],
      }),
    ]);
  });

  test('a valid mesh has no findings', () => {
    expect(MeshAnalysis.analyze([meshSidecar('istio-system', 'default', undefined, { egress: [{ hosts: ['./*'] }] })])).toEqual([]);
  });

  test('the root namespace option decides the mesh default', () => {
    const scoped = selectorSidecar('istio-config', 'global', { app: 'foo' });
    const ids = (rootNamespace?: string) => MeshAnalysis.analyze([scoped], { rootNamespace }).map((f) => f.ruleId);
    expect(ids()).not.toContain('X-ROOT-DEFAULT-HAS-SELECTOR');
    expect(ids('istio-config')).toContain('X-ROOT-DEFAULT-HAS-SELECTOR');
  });

  test('the cluster domain option names the Services\' hosts', () => {
    const manifests = [
      meshSidecar('prod', 'default', undefined, { egress: [{ hosts: ['bookinfo/reviews.bookinfo.svc.corp.example'] }] }),
      serviceManifest('bookinfo', 'reviews'),
    ];
    const notFound = (clusterDomain?: string) => MeshAnalysis.analyze(manifests, { clusterDomain }).filter((f) => f.ruleId === 'X-EGRESS-HOST-NOT-FOUND');
    expect(notFound()).toHaveLength(1);
    expect(notFound('corp.example')).toEqual([]);
  });

  test('the registry option: complete judges selectors and hosts of an input without workloads or Services', () => {
    const manifests = [selectorSidecar('prod', 'ratings', { app: 'ratings' }, { egress: [{ hosts: ['./*', 'bookinfo/reviews.bookinfo.svc.cluster.local'] }] })];
    const lookups = (registry?: RegistryCompleteness) => MeshAnalysis.analyze(manifests, { registry }).map((f) => f.ruleId).filter((id) => id === 'X-SELECTOR-NO-MATCH' || id === 'X-EGRESS-HOST-NOT-FOUND');
    expect(lookups(RegistryCompleteness.COMPLETE)).toEqual(['X-SELECTOR-NO-MATCH', 'X-EGRESS-HOST-NOT-FOUND']);
    expect(lookups()).toEqual([]);
    expect(lookups(RegistryCompleteness.PARTIAL)).toEqual([]);
  });

  test('input that is not a manifest is skipped, never thrown on', () => {
    expect(MeshAnalysis.analyze([null, 42, 'text', [], {}] as any[])).toEqual([]);
    expect(MeshAnalysis.analyze(undefined as any)).toEqual([]);
  });
});

describe('MeshAnalysis options are checked as every front door checks them', () => {
  test.each([
    [{ rootNamespace: 'Istio_System' }, 'MeshAnalysis: rootNamespace "Istio_System" is invalid: expected a namespace name'],
    [{ clusterDomain: 'cluster..local' }, 'MeshAnalysis: clusterDomain "cluster..local" is invalid: '],
    [{ rootNamespace: 7 as unknown as string }, 'MeshAnalysis: rootNamespace 7 is invalid: expected a namespace name such as "istio-system"'],
    [{ rootNamepsace: 'istio-config' } as object, 'MeshAnalysis: unknown option "rootNamepsace" (did you mean "rootNamespace"?); expected rootNamespace, clusterDomain, registry, outboundTrafficPolicy, rulePacks and maxScopeHosts'],
    [{ outboundTrafficPolicy: 'allow-any' as OutboundTrafficPolicyMode }, 'MeshAnalysis: outboundTrafficPolicy "allow-any" is invalid: expected "REGISTRY_ONLY" or "ALLOW_ANY"'],
    [{ registry: 'whole' as RegistryCompleteness }, 'MeshAnalysis: registry "whole" is invalid: expected "complete" or "partial"'],
  ])('%j is refused by analyze and explain', (options, message) => {
    expect(() => MeshAnalysis.analyze([], options)).toThrow(message);
    expect(() => MeshAnalysis.explain([], options)).toThrow(message);
    expect(() => MeshAnalysis.reach([], options)).toThrow(message);
    expect(() => MeshAnalysis.canReach([], 'a/b', 'c', options)).toThrow(message);
  });
});

describe('MeshAnalysis.reach and canReach', () => {
  const CALLS = 'cdk8s-istio-sidecar.io/calls';
  const manifests = () => [
    meshSidecar('shop', 'default', undefined, { egress: [{ hosts: ['./*'] }], outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }),
    deploymentManifest('shop', 'web', { app: 'web' }, { [CALLS]: 'cart:80, reviews.bookinfo:80' }),
    serviceManifest('shop', 'cart'),
    serviceManifest('bookinfo', 'reviews'),
    deploymentManifest('bookinfo', 'reviews', { app: 'reviews' }),
  ];

  test('reach: every workload\'s scope, with where its outbound policy comes from and the scope\'s size', () => {
    // Called as the jsii kernel calls it, from any language.
    const scopes = MeshAnalysis.reach.call(MeshAnalysis, manifests(), { outboundTrafficPolicy: OutboundTrafficPolicyMode.ALLOW_ANY });
    expect(scopes.map((s) => [s.workload.name, s.sidecar?.name, s.outboundTrafficPolicy, s.outboundTrafficPolicySource, s.hosts.map((h) => `${h.host}:${h.ports}`), s.visibleHosts])).toEqual([
      ['web', 'default', 'REGISTRY_ONLY', 'its outboundTrafficPolicy', ['cart.shop.svc.cluster.local:80'], 2],
      ['reviews', undefined, 'ALLOW_ANY', 'the mesh\'s, from the outboundTrafficPolicy setting', ['cart.shop.svc.cluster.local:80', 'reviews.bookinfo.svc.cluster.local:80'], 2],
    ]);
  });

  test('canReach: the answer, the listener and the egress host, or why not and what to add', () => {
    const yes = MeshAnalysis.canReach.call(MeshAnalysis, manifests(), 'shop/web', 'cart:80');
    expect(yes).toMatchObject({ host: 'cart.shop.svc.cluster.local', port: 80, reachable: true, passthrough: false, via: { sidecar: { name: 'default' }, listener: 'spec.egress[0]', host: './*' } });
    const no = MeshAnalysis.canReach(manifests(), 'shop/web', 'reviews.bookinfo:80');
    expect(no.reachable).toBe(false);
    expect(no.via).toBeUndefined();
    expect(no.reason).toContain('add "bookinfo/reviews.bookinfo.svc.cluster.local" to spec.egress[0].hosts');
  });

  test('analyze reports the declared call the Sidecar does not serve', () => {
    const findings = MeshAnalysis.analyze(manifests()).filter((f) => f.ruleId.startsWith('X-CALL-'));
    expect(findings.map((f) => [f.ruleId, f.severity, f.resource.name, f.path])).toEqual([
      ['X-CALL-NOT-REACHABLE', Severity.ERROR, 'web', `spec.template.metadata.annotations["${CALLS}"]`],
    ]);
  });

  test.each([
    ['shop/nope', 'cart:80', 'MeshAnalysis.canReach: no workload "shop/nope" in the input'],
    ['shop/web', 'cart:99999', 'MeshAnalysis.canReach: the target "cart:99999" is invalid: the port "99999" is invalid'],
  ])('canReach(%j, %j) throws for people', (from, to, message) => {
    expect(() => MeshAnalysis.canReach(manifests(), from, to)).toThrow(message);
  });
});

describe('MeshAnalysis.explain', () => {
  test('says which Sidecar applies to each workload, and why', () => {
    const result = MeshAnalysis.explain([
      meshSidecar('istio-config', 'default'),
      meshSidecar('shop', 'default'),
      selectorSidecar('shop', 'ratings', { app: 'ratings' }),
      deploymentManifest('shop', 'ratings', { app: 'ratings' }),
      deploymentManifest('shop', 'cart', { app: 'cart' }),
      deploymentManifest('blog', 'web', { app: 'web' }),
      deploymentManifest('shop', 'gateway', { istio: 'ingressgateway' }),
    ], { rootNamespace: 'istio-config' });
    const sidecarRef = (namespace: string, name: string) => ({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace, name });
    expect(result.map(({ workload, sidecar, via }) => ({ workload: workload.name, sidecar, via }))).toEqual([
      { workload: 'ratings', sidecar: sidecarRef('shop', 'ratings'), via: SelectionVia.SELECTOR },
      { workload: 'cart', sidecar: sidecarRef('shop', 'default'), via: SelectionVia.NAMESPACE_DEFAULT },
      { workload: 'web', sidecar: sidecarRef('istio-config', 'default'), via: SelectionVia.ROOT_DEFAULT },
      { workload: 'gateway', sidecar: undefined, via: SelectionVia.NOT_APPLICABLE },
    ]);
    expect(result[0].workload).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'ratings' });
    expect(result[2].reason).toBe('namespace "blog" has no Sidecar that applies; it is the mesh-wide default in the root namespace "istio-config"');
    expect('sidecar' in result[3]).toBe(false);
  });

  test('without any Sidecar, istiod\'s built-in default applies', () => {
    expect(MeshAnalysis.explain([deploymentManifest('shop', 'cart', { app: 'cart' })]).map((s) => s.via)).toEqual([SelectionVia.BUILTIN_DEFAULT]);
  });

  test('no workloads, nothing to explain', () => {
    expect(MeshAnalysis.explain([meshSidecar('shop', 'default')])).toEqual([]);
  });
});

describe('MeshAnalysis clusterDomain', () => {
  const manifests = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' } },
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: 'shop' },
      spec: { egress: [{ hosts: ['shop/cart.shop.svc.corp.internal'] }] },
    },
  ];
  const notFound = (clusterDomain?: string) =>
    MeshAnalysis.analyze(manifests, { clusterDomain }).filter((f) => f.ruleId === 'X-EGRESS-HOST-NOT-FOUND').length;

  test('Service host names use the configured cluster domain', () => {
    expect(notFound('corp.internal')).toBe(0);
    expect(notFound()).toBe(1);
  });
});
