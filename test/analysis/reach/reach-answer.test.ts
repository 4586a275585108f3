// The question form of the scope model: one named case per cause, and how reachable calls are served.
import { JsonObject } from '../../../src/analysis/manifest';
import { ReachCause, answer } from '../../../src/analysis/reach/reach-answer';
import { meshScopes } from '../../../src/analysis/reach/workload-scope';
import { sidecarManifest } from '../../../src/analysis/rules/support/example-manifests';
import { deploymentManifest } from '../../../src/analysis/rules/support/mesh-examples';
import { MeshOptions, MeshSnapshot } from '../../../src/analysis/snapshot';

function svc(namespace: string, name: string, ports: number[], annotations: Record<string, string> = {}): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    spec: { selector: { app: name }, ports: ports.map((port) => ({ name: `p${port}`, port })) },
  };
}

function se(namespace: string, name: string, hosts: string[], ports: number[], exportTo?: string[]): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name, namespace },
    spec: { hosts, ...(exportTo ? { exportTo } : {}), location: 'MESH_EXTERNAL', resolution: 'DNS', ports: ports.map((number) => ({ number, name: `p${number}`, protocol: 'TLS' })) },
  };
}

const CART = 'cart.shop.svc.cluster.local';
const PAY = 'pay.shop.svc.cluster.local';
const REGISTRY = [
  svc('shop', 'cart', [80, 9080]),
  svc('shop', 'pay', [8080]),
  svc('shop', 'secret', [80], { 'networking.istio.io/exportTo': '.' }),
  se('ext', 'wild', ['*.example.com'], [443]),
  se('ext', 'api', ['api.partner.com'], [443]),
];
const CLIENT = deploymentManifest('prod', 'client', { app: 'client' });

function sidecar(spec: JsonObject): JsonObject {
  return sidecarManifest(spec, { name: 'default', namespace: 'prod' });
}

const REGISTRY_ONLY = { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } };
const PORT_9080 = { port: { number: 9080, protocol: 'HTTP', name: 'http' } };

interface AnswerCase {
  readonly name: string;
  readonly manifests: JsonObject[];
  readonly options?: MeshOptions;
  readonly host: string;
  readonly port?: number;
  readonly reachable: boolean;
  readonly passthrough: boolean;
  readonly cause?: ReachCause;
  /** The serving listener's path (null: the implicit listener), for reachable non-passthrough calls. */
  readonly listener?: string | null;
  /** The scope entry's host name and definition namespace. */
  readonly scoped?: { host: string; namespace: string };
  /** Substrings of the reason, in order. */
  readonly reason: string[];
  /** The definitions of the host, as `namespace/host`. */
  readonly definitions?: string[];
}

const cases: AnswerCase[] = [
  {
    name: 'reachable through the numbered listener on its port',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ ...PORT_9080, hosts: ['shop/*'] }, { hosts: ['ext/*'] }] }), CLIENT],
    host: CART,
    port: 9080,
    reachable: true,
    passthrough: false,
    listener: 'spec.egress[0]',
    scoped: { host: CART, namespace: 'shop' },
    reason: ['spec.egress[0] (port 9080) of Sidecar prod/default imports', `"${CART}:9080"`, '"shop/*" (spec.egress[0].hosts[0])', 'from Service shop/cart'],
    definitions: [`shop/${CART}`],
  },
  {
    name: 'another port is served by the catch-all, not the numbered listener',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ ...PORT_9080, hosts: ['ext/*'] }, { hosts: ['shop/*'] }] }), CLIENT],
    host: CART,
    port: 80,
    reachable: true,
    passthrough: false,
    listener: 'spec.egress[1]',
    scoped: { host: CART, namespace: 'shop' },
    reason: ['spec.egress[1] (catch-all) of Sidecar prod/default', '"shop/*" (spec.egress[1].hosts[0])'],
  },
  {
    name: 'the port\'s numbered listener decides even when the catch-all would import the host',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ ...PORT_9080, hosts: ['ext/*'] }, { hosts: ['shop/*'] }] }), CLIENT],
    host: CART,
    port: 9080,
    reachable: false,
    passthrough: false,
    cause: 'not-imported',
    reason: [
      'BlackHoleCluster', 'REGISTRY_ONLY', 'spec.egress[0] (port 9080) of Sidecar prod/default imports no host matching',
      '"shop/*" (spec.egress[1].hosts[0]) imports it in spec.egress[1] (catch-all), but istiod serves port 9080 from spec.egress[0] (port 9080)',
      `add "shop/${CART}" to spec.egress[0].hosts`,
    ],
  },
  {
    name: 'reachable through the implicit listener without a Sidecar',
    manifests: [...REGISTRY, CLIENT],
    options: { outboundTrafficPolicyMode: 'REGISTRY_ONLY' },
    host: PAY,
    port: 8080,
    reachable: true,
    passthrough: false,
    listener: null,
    scoped: { host: PAY, namespace: 'shop' },
    reason: ['the implicit catch-all listener ("*/*") of no Sidecar', '"*/*"'],
  },
  {
    name: 'a wildcard ServiceEntry host serves an exact host',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['ext/*.example.com'] }] }), CLIENT],
    host: 'api.example.com',
    port: 443,
    reachable: true,
    passthrough: false,
    listener: 'spec.egress[0]',
    scoped: { host: '*.example.com', namespace: 'ext' },
    reason: ['"api.example.com:443"', '"ext/*.example.com"', 'ServiceEntry ext/wild'],
    definitions: ['ext/*.example.com'],
  },
  {
    name: 'reachable on a port another ServiceEntry of the same host and namespace adds (istiod merges them)',
    manifests: [...REGISTRY, se('ext', 'api-plain', ['api.partner.com'], [80]), sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['ext/*'] }] }), CLIENT],
    host: 'api.partner.com',
    port: 80,
    reachable: true,
    passthrough: false,
    listener: 'spec.egress[0]',
    scoped: { host: 'api.partner.com', namespace: 'ext' },
    reason: ['"api.partner.com:80"', 'from ServiceEntry ext/api'],
    definitions: ['ext/api.partner.com', 'ext/api.partner.com'],
  },
  {
    name: 'no-listener: only numbered listeners, none on the port',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ ...PORT_9080, hosts: ['shop/*'] }] }), CLIENT],
    host: 'api.partner.com',
    port: 443,
    reachable: false,
    passthrough: false,
    cause: 'no-listener',
    reason: ['BlackHoleCluster', 'Sidecar prod/default has no egress listener on port 443 and no catch-all listener', 'serve port 9080', 'import "ext/api.partner.com"'],
  },
  {
    name: 'undefined-host: nothing defines it',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['*/*'] }] }), CLIENT],
    host: 'nowhere.internal',
    port: 443,
    reachable: false,
    passthrough: false,
    cause: 'undefined-host',
    reason: ['BlackHoleCluster', 'no Service or ServiceEntry in the input defines "nowhere.internal"', 'add a ServiceEntry'],
    definitions: [],
  },
  {
    name: 'not-exported: defined, but exported to its own namespace only',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['*/*'] }] }), CLIENT],
    host: 'secret.shop.svc.cluster.local',
    port: 80,
    reachable: false,
    passthrough: false,
    cause: 'not-exported',
    reason: ['Service shop/secret defines "secret.shop.svc.cluster.local" but exports it to ["shop"], not to namespace "prod"', 'add "prod" to its exportTo (the networking.istio.io/exportTo annotation)'],
  },
  {
    name: 'not-imported under REGISTRY_ONLY: the fix names the egress host to add',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['./*', 'shop/*'] }] }), CLIENT],
    host: 'api.partner.com',
    port: 443,
    reachable: false,
    passthrough: false,
    cause: 'not-imported',
    reason: ['"api.partner.com:443" go to the BlackHoleCluster under REGISTRY_ONLY (its outboundTrafficPolicy)', 'spec.egress[0] (catch-all) of Sidecar prod/default imports no host matching "api.partner.com"', 'add "ext/api.partner.com" to spec.egress[0].hosts'],
  },
  {
    name: 'not-imported: the fix for a host under a wildcard ServiceEntry names the wildcard',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['ext/api.example.com'] }] }), CLIENT],
    host: 'api.example.com',
    port: 443,
    reachable: false,
    passthrough: false,
    cause: 'not-imported',
    reason: ['add "ext/*.example.com" to spec.egress[0].hosts'],
  },
  {
    name: 'not-imported on a port: another port listener imports the host on its own port only',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ port: { number: 80, protocol: 'HTTP', name: 'web' }, hosts: ['shop/*'] }, { ...PORT_9080, hosts: ['ext/*'] }] }), CLIENT],
    host: CART,
    port: 9080,
    reachable: false,
    passthrough: false,
    cause: 'not-imported',
    reason: ['spec.egress[1] (port 9080) of Sidecar prod/default imports no host matching', '"shop/*" (spec.egress[0].hosts[0]) imports it only on port 80', `add "shop/${CART}" to spec.egress[1].hosts`],
  },
  {
    name: 'not-imported under ALLOW_ANY: passthrough, reachable',
    manifests: [...REGISTRY, sidecar({ outboundTrafficPolicy: { mode: 'ALLOW_ANY' }, egress: [{ hosts: ['./*'] }] }), CLIENT],
    host: PAY,
    port: 8080,
    reachable: true,
    passthrough: true,
    cause: 'not-imported',
    reason: ['leave through the PassthroughCluster under ALLOW_ANY (its outboundTrafficPolicy)', 'without mesh routing, policy or mTLS', `add "shop/${PAY}" to spec.egress[0].hosts`],
  },
  {
    name: 'undefined host under the assumed ALLOW_ANY: passthrough, saying it is Istio\'s default',
    manifests: [...REGISTRY, CLIENT],
    host: 'nowhere.internal',
    port: 443,
    reachable: true,
    passthrough: true,
    cause: 'undefined-host',
    reason: ['PassthroughCluster under ALLOW_ANY (Istio\'s default'],
  },
  {
    name: 'no-port: imported by the catch-all, but the host has no such port',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ hosts: ['shop/*'] }] }), CLIENT],
    host: PAY,
    port: 9999,
    reachable: false,
    passthrough: false,
    cause: 'no-port',
    reason: ['Service shop/pay defines', 'with port 8080, not 9999', 'add port 9999 to it'],
  },
  {
    name: 'no-port: a numbered listener on a port the host does not have',
    manifests: [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ ...PORT_9080, hosts: ['shop/*'] }] }), CLIENT],
    host: PAY,
    port: 9080,
    reachable: false,
    passthrough: false,
    cause: 'no-port',
    reason: ['with port 8080, not 9080'],
  },
];

function namesOf(list: readonly { host: string; source: { ref: { namespace?: string } } }[]): string[] {
  return list.map((d) => `${d.source.ref.namespace}/${d.host}`);
}

describe('answer', () => {
  it.each(cases)('$name', (c) => {
    const mesh = new MeshSnapshot(c.manifests.map((manifest) => ({ manifest })), c.options ?? {});
    const scope = meshScopes(mesh).scopes.find((s) => s.selection.workload.ref.name === 'client');
    expect(scope).toBeDefined();
    const result = answer(mesh, scope!, c.host, c.port);
    expect({ reachable: result.reachable, passthrough: result.passthrough, cause: result.cause })
      .toEqual({ reachable: c.reachable, passthrough: c.passthrough, cause: c.cause });
    if (c.listener !== undefined) expect(result.listener?.path ?? null).toBe(c.listener);
    if (!c.reachable || c.passthrough) expect(result.listener).toBeUndefined();
    if (c.scoped) expect({ host: result.scoped?.host, namespace: result.scoped?.definition.source.ref.namespace }).toEqual(c.scoped);
    let from = 0;
    for (const part of c.reason) {
      const at = result.reason.indexOf(part, from);
      expect([part, at >= 0 ? 'found' : result.reason]).toEqual([part, 'found']);
      from = at + part.length;
    }
    if (c.definitions) expect(namesOf(result.definitions)).toEqual(c.definitions);
  });

  it('without a port, any listener may serve the host', () => {
    const manifests = [...REGISTRY, sidecar({ ...REGISTRY_ONLY, egress: [{ ...PORT_9080, hosts: ['ext/*'] }, { hosts: ['shop/*'] }] }), CLIENT];
    const mesh = new MeshSnapshot(manifests.map((manifest) => ({ manifest })));
    const scope = meshScopes(mesh).scopes[0];
    const result = answer(mesh, scope, PAY, undefined);
    expect([result.reachable, result.listener?.path]).toEqual([true, 'spec.egress[1]']);
  });
});
