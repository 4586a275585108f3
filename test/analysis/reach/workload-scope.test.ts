// The scope each workload's proxy is configured for, case by case, against istiod's SidecarScope
// (pilot/pkg/model/sidecar.go): host forms, port listeners, exportTo, precedence, outbound policy.
import { JsonObject } from '../../../src/analysis/manifest';
import { ScopedHost, WorkloadScope, meshScopes } from '../../../src/analysis/reach/workload-scope';
import { sidecarManifest } from '../../../src/analysis/rules/support/example-manifests';
import { deploymentManifest, namespaceManifest } from '../../../src/analysis/rules/support/mesh-examples';
import { MeshOptions, MeshSnapshot } from '../../../src/analysis/snapshot';

type Annotations = Record<string, string>;

function svc(namespace: string, name: string, ports: number[] = [80], annotations: Annotations = {}): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    spec: { selector: { app: name }, ports: ports.map((port) => ({ name: `p${port}`, port })) },
  };
}

function se(namespace: string, name: string, hosts: string[], ports: number[] = [443], exportTo?: string[]): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name, namespace },
    spec: { hosts, ...(exportTo ? { exportTo } : {}), location: 'MESH_EXTERNAL', resolution: 'DNS', ports: ports.map((number) => ({ number, name: `p${number}`, protocol: 'TCP' })) },
  };
}

function sidecar(namespace: string, name: string, spec: JsonObject): JsonObject {
  return sidecarManifest(spec, { name, namespace });
}

function app(namespace: string, name: string, labels: Annotations = { app: name }, annotations: Annotations = {}): JsonObject {
  return deploymentManifest(namespace, name, labels, annotations);
}

const h = (name: string, namespace: string) => `${name}.${namespace}.svc.cluster.local`;

function meshOf(manifests: JsonObject[], options: MeshOptions = {}): MeshSnapshot {
  return new MeshSnapshot(manifests.map((manifest) => ({ manifest })), options);
}

function scopeOf(mesh: MeshSnapshot, workload: string): WorkloadScope {
  const scope = meshScopes(mesh).scopes.find((s) => s.selection.workload.ref.name === workload);
  if (!scope) throw new Error(`no scope for ${workload}`);
  return scope;
}

/** `host<-namespace:ports` of each imported host, sorted. */
function summary(hosts: ReadonlyMap<string, ScopedHost>): string[] {
  return [...hosts.values()].map((s) => `${s.host}<-${s.definition.kind === 'Service' ? 'svc' : 'se'}:${s.definition.source.ref.namespace}:${s.ports.join(',')}`).sort();
}

// A small registry: prod (the caller's namespace), shop, and istio-system.
const REGISTRY = [
  svc('prod', 'web', [80]),
  svc('shop', 'cart', [80, 9080]),
  svc('shop', 'pay', [8080]),
  svc('istio-system', 'istiod', [15012]),
  se('shop', 'ext', ['api.example.com', 'example.com', 'api.other.com']),
  se('shop', 'eu', ['*.eu.example.com']),
];

interface ScopeCase {
  readonly name: string;
  readonly manifests: JsonObject[];
  readonly options?: MeshOptions;
  readonly workload: string;
  /** Per listener: path (or undefined), port, allPorts, hosts summary. */
  readonly listeners?: ReadonlyArray<{ path?: string; port?: number; allPorts: boolean; hosts: string[] }>;
  /** The merged union. */
  readonly hosts?: string[];
  readonly importedBy?: Record<string, string>;
  readonly visibleHosts?: number;
  readonly sidecar?: string;
  readonly namespace?: string;
}

const ALL_REGISTRY = [
  'api.example.com<-se:shop:443', 'api.other.com<-se:shop:443', 'example.com<-se:shop:443', '*.eu.example.com<-se:shop:443',
  `${h('cart', 'shop')}<-svc:shop:80,9080`, `${h('istiod', 'istio-system')}<-svc:istio-system:15012`,
  `${h('pay', 'shop')}<-svc:shop:8080`, `${h('web', 'prod')}<-svc:prod:80`,
].sort();

const cases: ScopeCase[] = [
  {
    name: 'no Sidecar at all: one implicit catch-all importing */* on every port',
    manifests: [...REGISTRY, app('prod', 'client')],
    workload: 'client',
    listeners: [{ allPorts: true, hosts: ALL_REGISTRY }],
    hosts: ALL_REGISTRY,
    importedBy: { [h('web', 'prod')]: '*/*' },
    visibleHosts: 8,
  },
  {
    name: 'a Sidecar without egress is the same implicit catch-all',
    manifests: [...REGISTRY, sidecar('prod', 'default', { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }), app('prod', 'client')],
    workload: 'client',
    sidecar: 'default',
    listeners: [{ allPorts: true, hosts: ALL_REGISTRY }],
  },
  {
    name: 'ns/host imports that one host of that namespace',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: [`shop/${h('cart', 'shop')}`] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [{ path: 'spec.egress[0]', allPorts: true, hosts: [`${h('cart', 'shop')}<-svc:shop:80,9080`] }],
    importedBy: { [h('cart', 'shop')]: `shop/${h('cart', 'shop')}` },
  },
  {
    name: 'ns/host names a namespace: the same host name in another namespace is not imported',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['prod/api.example.com'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: [],
  },
  {
    name: 'ns/* imports every host of that namespace only',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['istio-system/*'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: [`${h('istiod', 'istio-system')}<-svc:istio-system:15012`],
  },
  {
    name: './* is the workload\'s namespace',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: [`${h('web', 'prod')}<-svc:prod:80`],
    importedBy: { [h('web', 'prod')]: './*' },
  },
  {
    name: 'the root namespace default Sidecar with ./*: "." is the namespace of the workload it applies to',
    manifests: [...REGISTRY, sidecar('istio-system', 'default', { egress: [{ hosts: ['./*'] }] }), app('prod', 'client'), app('shop', 'shopper')],
    workload: 'shopper',
    namespace: 'shop',
    sidecar: 'default',
    hosts: [
      'api.example.com<-se:shop:443', 'api.other.com<-se:shop:443', 'example.com<-se:shop:443', '*.eu.example.com<-se:shop:443',
      `${h('cart', 'shop')}<-svc:shop:80,9080`, `${h('pay', 'shop')}<-svc:shop:8080`,
    ].sort(),
  },
  {
    name: 'the root namespace default Sidecar with ./* gives a prod workload prod\'s hosts, not istio-system\'s',
    manifests: [...REGISTRY, sidecar('istio-system', 'default', { egress: [{ hosts: ['./*'] }] }), app('prod', 'client')],
    workload: 'client',
    namespace: 'prod',
    hosts: [`${h('web', 'prod')}<-svc:prod:80`],
  },
  {
    name: '*/host imports the host from any namespace',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['*/api.example.com', `*/${h('pay', 'shop')}`] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: ['api.example.com<-se:shop:443', `${h('pay', 'shop')}<-svc:shop:8080`].sort(),
  },
  {
    name: '~/* imports nothing',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['~/*'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [{ path: 'spec.egress[0]', allPorts: true, hosts: [] }],
    hosts: [],
    visibleHosts: 8,
  },
  {
    name: '*.example.com imports api.example.com and the wildcard host *.eu.example.com, not example.com or api.other.com',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['*/*.example.com'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: ['*.eu.example.com<-se:shop:443', 'api.example.com<-se:shop:443'],
  },
  {
    name: 'an exact egress host does not import the wildcard ServiceEntry host covering it',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['*/db.eu.example.com'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: [],
  },
  {
    name: 'a less specific wildcard host imports a wildcard ServiceEntry host, a more specific one does not',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['*/*.com'] }, { port: { number: 443, protocol: 'TLS', name: 'tls' }, hosts: ['*/*.db.eu.example.com'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [
      { path: 'spec.egress[0]', allPorts: true, hosts: ['*.eu.example.com<-se:shop:443', 'api.example.com<-se:shop:443', 'api.other.com<-se:shop:443', 'example.com<-se:shop:443'] },
      { path: 'spec.egress[1]', port: 443, allPorts: false, hosts: [] },
    ],
  },
  {
    name: 'a service of namespace N is matched by the N/ hosts first, then by */',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['*/*', 'shop/*'] }] }), app('prod', 'client')],
    workload: 'client',
    importedBy: { [h('cart', 'shop')]: 'shop/*', 'api.example.com': 'shop/*', [h('web', 'prod')]: '*/*' },
    hosts: ALL_REGISTRY,
  },
  {
    name: 'a port listener imports only the services with that port, narrowed to it',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, hosts: ['*/*'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [{ path: 'spec.egress[0]', port: 9080, allPorts: false, hosts: [`${h('cart', 'shop')}<-svc:shop:9080`] }],
  },
  {
    name: 'a port listener next to a catch-all: the catch-all imports every port, the union keeps the first listener\'s narrowing merged',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ port: { number: 9080, protocol: 'HTTP', name: 'http' }, hosts: ['shop/*'] }, { hosts: ['./*', 'shop/*'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [
      { path: 'spec.egress[0]', port: 9080, allPorts: false, hosts: [`${h('cart', 'shop')}<-svc:shop:9080`] },
      {
        path: 'spec.egress[1]',
        allPorts: true,
        hosts: ['api.example.com<-se:shop:443', 'api.other.com<-se:shop:443', 'example.com<-se:shop:443', '*.eu.example.com<-se:shop:443',
          `${h('cart', 'shop')}<-svc:shop:80,9080`, `${h('pay', 'shop')}<-svc:shop:8080`, `${h('web', 'prod')}<-svc:prod:80`].sort(),
      },
    ],
    hosts: ['api.example.com<-se:shop:443', 'api.other.com<-se:shop:443', 'example.com<-se:shop:443', '*.eu.example.com<-se:shop:443',
      `${h('cart', 'shop')}<-svc:shop:80,9080`, `${h('pay', 'shop')}<-svc:shop:8080`, `${h('web', 'prod')}<-svc:prod:80`].sort(),
  },
  {
    name: 'the ports of one service imported by two port listeners merge',
    manifests: [...REGISTRY, sidecar('prod', 'default', {
      egress: [
        { port: { number: 9080, protocol: 'HTTP', name: 'a' }, hosts: ['shop/*'] },
        { port: { number: 80, protocol: 'HTTP', name: 'b' }, hosts: ['shop/*', './*'] },
      ],
    }), app('prod', 'client')],
    workload: 'client',
    listeners: [
      { path: 'spec.egress[0]', port: 9080, allPorts: false, hosts: [`${h('cart', 'shop')}<-svc:shop:9080`] },
      { path: 'spec.egress[1]', port: 80, allPorts: false, hosts: [`${h('cart', 'shop')}<-svc:shop:80`, `${h('web', 'prod')}<-svc:prod:80`] },
    ],
    hosts: [`${h('cart', 'shop')}<-svc:shop:80,9080`, `${h('web', 'prod')}<-svc:prod:80`],
  },
  {
    name: 'an HTTP_PROXY listener with a port imports every port',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ port: { number: 3128, protocol: 'HTTP_PROXY', name: 'proxy' }, hosts: ['shop/*'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [{
      path: 'spec.egress[0]',
      allPorts: true,
      hosts: ['api.example.com<-se:shop:443', 'api.other.com<-se:shop:443', 'example.com<-se:shop:443', '*.eu.example.com<-se:shop:443',
        `${h('cart', 'shop')}<-svc:shop:80,9080`, `${h('pay', 'shop')}<-svc:shop:8080`].sort(),
    }],
  },
  {
    name: 'a unix socket listener (port 0) imports every port',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ port: { number: 0, protocol: 'HTTP', name: 'uds' }, bind: 'unix:///var/run/app.sock', hosts: ['istio-system/*'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [{ path: 'spec.egress[0]', allPorts: true, hosts: [`${h('istiod', 'istio-system')}<-svc:istio-system:15012`] }],
  },
  {
    name: 'ServiceEntry exportTo ".": seen from its own namespace only',
    manifests: [se('shop', 'private', ['private.example.com'], [443], ['.']), app('prod', 'client'), app('shop', 'shopper')],
    workload: 'client',
    hosts: [],
    visibleHosts: 0,
  },
  {
    name: 'ServiceEntry exportTo ".": its own namespace imports it',
    manifests: [se('shop', 'private', ['private.example.com'], [443], ['.']), app('prod', 'client'), app('shop', 'shopper')],
    workload: 'shopper',
    hosts: ['private.example.com<-se:shop:443'],
    visibleHosts: 1,
  },
  {
    name: 'ServiceEntry exportTo "~": seen from nowhere, not even its namespace',
    manifests: [se('shop', 'hidden', ['hidden.example.com'], [443], ['~']), app('shop', 'shopper')],
    workload: 'shopper',
    hosts: [],
    visibleHosts: 0,
  },
  {
    name: 'ServiceEntry exportTo named namespaces: seen from those',
    manifests: [se('shop', 'partner', ['partner.example.com'], [443], ['prod', 'billing']), se('shop', 'other', ['other.example.com'], [443], ['billing']), app('prod', 'client')],
    workload: 'client',
    hosts: ['partner.example.com<-se:shop:443'],
    visibleHosts: 1,
  },
  {
    name: 'ServiceEntry exportTo "*": seen everywhere',
    manifests: [se('shop', 'public', ['public.example.com'], [443], ['*']), app('prod', 'client')],
    workload: 'client',
    hosts: ['public.example.com<-se:shop:443'],
  },
  {
    name: 'Service annotation networking.istio.io/exportTo: "." hides it, named namespaces and "*" show it, "~" hides it',
    manifests: [
      svc('shop', 'local', [80], { 'networking.istio.io/exportTo': '.' }),
      svc('shop', 'named', [80], { 'networking.istio.io/exportTo': 'billing, prod' }),
      svc('shop', 'everyone', [80], { 'networking.istio.io/exportTo': '*' }),
      svc('shop', 'none', [80], { 'networking.istio.io/exportTo': '~' }),
      svc('shop', 'default', [80]),
      app('prod', 'client'),
    ],
    workload: 'client',
    hosts: [`${h('default', 'shop')}<-svc:shop:80`, `${h('everyone', 'shop')}<-svc:shop:80`, `${h('named', 'shop')}<-svc:shop:80`],
    visibleHosts: 3,
  },
  {
    name: 'exportTo is applied before the egress hosts: ns/* does not bring back a hidden host',
    manifests: [svc('shop', 'local', [80], { 'networking.istio.io/exportTo': '.' }), sidecar('prod', 'default', { egress: [{ hosts: ['shop/*'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: [],
  },
  {
    name: 'one definition per host name: the workload\'s namespace wins within a listener',
    manifests: [se('shop', 'a', ['api.example.com']), se('prod', 'b', ['api.example.com'], [8443]), app('prod', 'client')],
    workload: 'client',
    hosts: ['api.example.com<-se:prod:8443'],
    visibleHosts: 1,
  },
  {
    name: 'one definition per host name: a Kubernetes Service wins over a ServiceEntry of its host',
    manifests: [se('other', 'squat', [h('cart', 'shop')], [443]), svc('shop', 'cart', [80]), app('prod', 'client')],
    workload: 'client',
    hosts: [`${h('cart', 'shop')}<-svc:shop:80`],
  },
  {
    name: 'one definition per host name: in the workload\'s namespace too, a Kubernetes Service wins over an older ServiceEntry',
    manifests: [se('prod', 'squat', [h('web', 'prod')], [443]), svc('prod', 'web', [80]), app('prod', 'client')],
    workload: 'client',
    hosts: [`${h('web', 'prod')}<-svc:prod:80`],
  },
  {
    name: 'one definition per host name: the workload\'s namespace ServiceEntry wins over another namespace\'s Service',
    manifests: [svc('shop', 'cart', [80]), se('prod', 'local', [h('cart', 'shop')], [443]), app('prod', 'client')],
    workload: 'client',
    hosts: [`${h('cart', 'shop')}<-se:prod:443`],
  },
  {
    name: 'one definition per host name: otherwise the oldest (first in the input)',
    manifests: [se('b', 'second', ['api.example.com'], [8443]), se('a', 'first', ['api.example.com'], [443]), app('prod', 'client')],
    workload: 'client',
    hosts: ['api.example.com<-se:b:8443'],
  },
  {
    name: 'across listeners the first listener\'s definition wins',
    manifests: [se('a', 'one', ['api.example.com'], [443]), se('b', 'two', ['api.example.com'], [8443]), sidecar('prod', 'default', { egress: [{ hosts: ['b/*'] }, { port: { number: 443, protocol: 'TLS', name: 'tls' }, hosts: ['a/*'] }] }), app('prod', 'client')],
    workload: 'client',
    listeners: [
      { path: 'spec.egress[0]', allPorts: true, hosts: ['api.example.com<-se:b:8443'] },
      { path: 'spec.egress[1]', port: 443, allPorts: false, hosts: ['api.example.com<-se:a:443'] },
    ],
    hosts: ['api.example.com<-se:b:8443'],
  },
  {
    name: 'across listeners a Kubernetes Service replaces a ServiceEntry of its host',
    manifests: [se('other', 'squat', [h('cart', 'shop')], [443]), svc('shop', 'cart', [80]), sidecar('prod', 'default', { egress: [{ hosts: ['other/*'] }, { hosts: ['shop/*'] }] }), app('prod', 'client')],
    workload: 'client',
    hosts: [`${h('cart', 'shop')}<-svc:shop:80`],
  },
  {
    name: 'two ServiceEntries of one host and namespace, alike but for ports, merge their ports (istiod canMergeServices)',
    manifests: [se('ext', 'tls', ['api.example.com'], [443]), se('ext', 'plain', ['api.example.com'], [80]), app('prod', 'client')],
    workload: 'client',
    listeners: [{ allPorts: true, hosts: ['api.example.com<-se:ext:80,443'] }],
    hosts: ['api.example.com<-se:ext:80,443'],
  },
  {
    name: 'two ServiceEntries of one host and namespace merge ports across port listeners',
    manifests: [
      se('ext', 'tls', ['api.example.com'], [443]), se('ext', 'plain', ['api.example.com'], [80]),
      sidecar('prod', 'default', { egress: [{ port: { number: 443, protocol: 'TLS', name: 'tls' }, hosts: ['ext/*'] }, { port: { number: 80, protocol: 'HTTP', name: 'http' }, hosts: ['ext/*'] }] }),
      app('prod', 'client'),
    ],
    workload: 'client',
    hosts: ['api.example.com<-se:ext:80,443'],
  },
  {
    name: 'ServiceEntries of one host and namespace with different resolutions do not merge: the first is kept',
    manifests: [se('ext', 'tls', ['api.example.com'], [443]), { ...se('ext', 'plain', ['api.example.com'], [80]), spec: { hosts: ['api.example.com'], resolution: 'STATIC', ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] } }, app('prod', 'client')],
    workload: 'client',
    hosts: ['api.example.com<-se:ext:443'],
  },
  {
    name: 'ServiceEntries of one host in different namespaces do not merge',
    manifests: [se('a', 'tls', ['api.example.com'], [443]), se('b', 'plain', ['api.example.com'], [80]), app('prod', 'client')],
    workload: 'client',
    hosts: ['api.example.com<-se:a:443'],
  },
  {
    name: 'a gateway keeps a proxy with the default scope, ignoring the namespace Sidecar',
    manifests: [...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['~/*'] }] }), app('prod', 'ingress', { istio: 'ingressgateway' })],
    workload: 'ingress',
    listeners: [{ allPorts: true, hosts: ALL_REGISTRY }],
  },
  {
    name: 'a selector Sidecar applies to its workloads only',
    manifests: [...REGISTRY, sidecar('prod', 'narrow', { workloadSelector: { labels: { app: 'client' } }, egress: [{ hosts: ['./*'] }] }), app('prod', 'client'), app('prod', 'other')],
    workload: 'other',
    hosts: ALL_REGISTRY,
  },
  {
    name: 'a selector Sidecar scopes the workload it selects',
    manifests: [...REGISTRY, sidecar('prod', 'narrow', { workloadSelector: { labels: { app: 'client' } }, egress: [{ hosts: ['./*'] }] }), app('prod', 'client'), app('prod', 'other')],
    workload: 'client',
    sidecar: 'narrow',
    hosts: [`${h('web', 'prod')}<-svc:prod:80`],
  },
];

describe('meshScopes', () => {
  it.each(cases)('$name', (c) => {
    const scope = scopeOf(meshOf(c.manifests, c.options), c.workload);
    if (c.listeners) {
      expect(scope.listeners.map((l) => ({
        ...(l.path !== undefined ? { path: l.path } : {}),
        ...(l.port !== undefined ? { port: l.port } : {}),
        allPorts: l.allPorts,
        hosts: summary(l.hosts),
      }))).toEqual(c.listeners.map((l) => ({ ...l, hosts: [...l.hosts].sort() })));
    }
    if (c.hosts) expect(summary(scope.hosts)).toEqual([...c.hosts].sort());
    for (const [host, by] of Object.entries(c.importedBy ?? {})) expect([host, scope.hosts.get(host)?.importedBy]).toEqual([host, by]);
    if (c.visibleHosts !== undefined) expect(scope.visibleHosts).toBe(c.visibleHosts);
    if (c.sidecar !== undefined) expect(scope.sidecar?.ref.name).toBe(c.sidecar);
    if (c.namespace !== undefined) expect(scope.namespace).toBe(c.namespace);
  });

  it('records where each import is: the egress host path', () => {
    const scope = scopeOf(meshOf([...REGISTRY, sidecar('prod', 'default', { egress: [{ hosts: ['istio-system/*', './*'] }] }), app('prod', 'client')]), 'client');
    expect(scope.hosts.get(h('web', 'prod'))).toMatchObject({ importedBy: './*', importedAt: 'spec.egress[0].hosts[1]' });
    expect(scope.hosts.get(h('istiod', 'istio-system'))).toMatchObject({ importedBy: 'istio-system/*', importedAt: 'spec.egress[0].hosts[0]' });
  });

  it('the implicit listener records no import path', () => {
    const scope = scopeOf(meshOf([...REGISTRY, app('prod', 'client')]), 'client');
    expect(scope.hosts.get(h('web', 'prod'))?.importedAt).toBeUndefined();
    expect(scope.listeners[0].path).toBeUndefined();
  });
});

interface OutboundCase {
  readonly name: string;
  readonly manifests: JsonObject[];
  readonly options?: MeshOptions;
  readonly mode: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  readonly assumed: boolean;
  readonly from: RegExp;
}

const outboundCases: OutboundCase[] = [
  { name: 'nothing says it: Istio\'s default ALLOW_ANY, assumed', manifests: [app('prod', 'client')], mode: 'ALLOW_ANY', assumed: true, from: /Istio's default/ },
  { name: 'the mesh option REGISTRY_ONLY, no Sidecar', manifests: [app('prod', 'client')], options: { outboundTrafficPolicyMode: 'REGISTRY_ONLY' }, mode: 'REGISTRY_ONLY', assumed: false, from: /the mesh's/ },
  { name: 'the mesh option ALLOW_ANY, no Sidecar', manifests: [app('prod', 'client')], options: { outboundTrafficPolicyMode: 'ALLOW_ANY' }, mode: 'ALLOW_ANY', assumed: false, from: /the mesh's/ },
  {
    name: 'the Sidecar\'s REGISTRY_ONLY overrides the mesh\'s ALLOW_ANY',
    manifests: [sidecar('prod', 'default', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }), app('prod', 'client')],
    options: { outboundTrafficPolicyMode: 'ALLOW_ANY' },
    mode: 'REGISTRY_ONLY',
    assumed: false,
    from: /its outboundTrafficPolicy/,
  },
  {
    name: 'the Sidecar\'s ALLOW_ANY overrides the mesh\'s REGISTRY_ONLY',
    manifests: [sidecar('prod', 'default', { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } }), app('prod', 'client')],
    options: { outboundTrafficPolicyMode: 'REGISTRY_ONLY' },
    mode: 'ALLOW_ANY',
    assumed: false,
    from: /its outboundTrafficPolicy/,
  },
  {
    name: 'an outboundTrafficPolicy without a mode is REGISTRY_ONLY',
    manifests: [sidecar('prod', 'default', { outboundTrafficPolicy: {} }), app('prod', 'client')],
    mode: 'REGISTRY_ONLY',
    assumed: false,
    from: /no mode/,
  },
  {
    name: 'a Sidecar without outboundTrafficPolicy inherits the mesh\'s',
    manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }] }), app('prod', 'client')],
    options: { outboundTrafficPolicyMode: 'REGISTRY_ONLY' },
    mode: 'REGISTRY_ONLY',
    assumed: false,
    from: /the mesh's/,
  },
  {
    name: 'a Sidecar without outboundTrafficPolicy and no mesh config: assumed ALLOW_ANY',
    manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }] }), app('prod', 'client')],
    mode: 'ALLOW_ANY',
    assumed: true,
    from: /Istio's default/,
  },
];

describe('scope outbound policy', () => {
  it.each(outboundCases)('$name', (c) => {
    const { outbound } = scopeOf(meshOf(c.manifests, c.options), 'client');
    expect({ mode: outbound.mode, assumed: outbound.assumed }).toEqual({ mode: c.mode, assumed: c.assumed });
    expect(outbound.from).toMatch(c.from);
  });
});

describe('proxied and unproxied workloads', () => {
  const manifests = [
    namespaceManifest('legacy', { 'istio-injection': 'disabled' }),
    app('prod', 'client'),
    app('prod', 'optout', { app: 'optout' }, { 'sidecar.istio.io/inject': 'false' }),
    app('legacy', 'old'),
    app('prod', 'gw', { istio: 'egressgateway' }),
  ];
  it('gateways keep a scope, injection-disabled pods are unproxied', () => {
    const { scopes, unproxied } = meshScopes(meshOf(manifests));
    expect(scopes.map((s) => s.selection.workload.ref.name)).toEqual(['client', 'gw']);
    expect(unproxied.map((s) => s.workload.ref.name)).toEqual(['optout', 'old']);
    expect(scopes[1].sidecar).toBeUndefined();
  });

  it('workloads of one namespace under one Sidecar share the scope\'s hosts', () => {
    const { scopes } = meshScopes(meshOf([...REGISTRY, app('prod', 'a'), app('prod', 'b'), app('shop', 'c')]));
    expect(scopes[0].hosts).toBe(scopes[1].hosts);
    expect(scopes[0].hosts).not.toBe(scopes[2].hosts);
  });
});
