// The scope and the question form agree: over generated meshes, every host and port in a
// workload's scope is reachable through a listener of its Sidecar (never by passthrough), and
// every port of a defined host outside the scope is unreachable under REGISTRY_ONLY and passed
// through under ALLOW_ANY. A model that listed a host it does not route, or routed one it does
// not list, fails here.
import fc from 'fast-check';
import { SEED } from './harness';
import { answer } from '../../src/analysis/reach/reach-answer';
import { meshScopes } from '../../src/analysis/reach/workload-scope';
import { MeshSnapshot } from '../../src/analysis/snapshot';

const NAMESPACES = ['a', 'b', 'c'];
const PORTS = [80, 443, 9080];

const namespace = fc.constantFrom(...NAMESPACES);
const hostEntry = fc.oneof(
  fc.constantFrom('./*', '*/*', '~/*', 'a/*', 'b/*', '*/*.example.com', '*/api.example.com'),
  fc.tuple(fc.constantFrom('a', 'b', 'c', '.', '*'), fc.constantFrom('s0', 's1', 's2'), namespace).map(([ns, name, svcNs]) => `${ns}/${name}.${svcNs}.svc.cluster.local`),
);
const listener = fc.record({
  port: fc.option(fc.record({ number: fc.constantFrom(...PORTS), protocol: fc.constantFrom('HTTP', 'TCP', 'HTTP_PROXY'), name: fc.constant('p') }), { nil: undefined }),
  hosts: fc.array(hostEntry, { minLength: 1, maxLength: 3 }),
}).map(({ port, hosts }) => (port ? { port, hosts } : { hosts }));
const sidecar = fc.record({
  namespace,
  // Catch-all listeners last, as the webhook requires.
  egress: fc.array(listener, { maxLength: 3 }).map((ls) => [...ls.filter((l) => 'port' in l), ...ls.filter((l) => !('port' in l)).slice(0, 1)]),
  mode: fc.constantFrom('REGISTRY_ONLY', 'ALLOW_ANY', undefined),
});
const service = fc.record({
  namespace,
  name: fc.constantFrom('s0', 's1', 's2'),
  ports: fc.uniqueArray(fc.constantFrom(...PORTS), { minLength: 1, maxLength: 2 }),
  exportTo: fc.constantFrom(undefined, '.', '*', 'a', 'b,c', '~'),
});
const serviceEntry = fc.record({
  namespace,
  hosts: fc.uniqueArray(fc.constantFrom('api.example.com', '*.example.com', 'eu.api.example.com'), { minLength: 1, maxLength: 2 }),
  ports: fc.uniqueArray(fc.constantFrom(...PORTS), { minLength: 1, maxLength: 2 }),
});

const mesh = fc.record({
  sidecars: fc.uniqueArray(sidecar, { selector: (s) => s.namespace, maxLength: 3 }),
  services: fc.uniqueArray(service, { selector: (s) => `${s.namespace}/${s.name}`, maxLength: 6 }),
  entries: fc.array(serviceEntry, { maxLength: 2 }),
  meshMode: fc.constantFrom('REGISTRY_ONLY' as const, 'ALLOW_ANY' as const),
}).map(({ sidecars, services, entries, meshMode }) => ({
  meshMode,
  manifests: [
    ...sidecars.map((s) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: s.namespace },
      spec: { ...(s.egress.length > 0 ? { egress: s.egress } : {}), ...(s.mode ? { outboundTrafficPolicy: { mode: s.mode } } : {}) },
    })),
    ...services.map((s) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: s.name, namespace: s.namespace, ...(s.exportTo ? { annotations: { 'networking.istio.io/exportTo': s.exportTo } } : {}) },
      spec: { ports: s.ports.map((port) => ({ port })) },
    })),
    ...entries.map((e, i) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: `se${i}`, namespace: e.namespace },
      spec: { hosts: e.hosts, ports: e.ports.map((number) => ({ number, name: `p${number}`, protocol: 'TCP' })) },
    })),
    ...NAMESPACES.map((ns) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'caller', namespace: ns }, spec: {} })),
  ],
}));

describe('reach: the scope and the answers agree', () => {
  test('every scoped host:port is reachable through a listener; every other defined host:port is blocked or passed through', () => {
    fc.assert(fc.property(mesh, ({ manifests, meshMode }) => {
      const snapshot = new MeshSnapshot(manifests.map((manifest) => ({ manifest })), { outboundTrafficPolicyMode: meshMode, meshConfigSource: 'test' });
      for (const scope of meshScopes(snapshot).scopes) {
        for (const scoped of scope.hosts.values()) {
          // A wildcard ServiceEntry host is called through a name under it.
          const host = scoped.host.startsWith('*.') ? `x${scoped.host.slice(1)}` : scoped.host;
          for (const port of scoped.ports) {
            // Hosts an HTTP_PROXY or unix-socket listener imports are reached through that proxy,
            // not by a direct call to host:port: only listeners that capture the port count.
            const captured = scope.listeners.some((l) => (l.port === port || !l.listener || l.listener.kind === 'catch-all') && l.hosts.get(scoped.host)?.ports.includes(port));
            if (!captured) continue;
            const reply = answer(snapshot, scope, host, port);
            // The listener that serves the port may import another definition of the name: still routed.
            if (!(reply.reachable && !reply.passthrough) && scope.listeners.some((l) => l.port === port)) continue;
            expect([host, port, reply.reachable, reply.passthrough]).toEqual([host, port, true, false]);
          }
        }
        for (const definition of [...snapshot.registry.values()].flat()) {
          if (definition.host.startsWith('*')) continue;
          for (const port of PORTS) {
            const inScope = scope.hosts.get(definition.host)?.ports.includes(port) ?? false;
            if (inScope) continue;
            const reply = answer(snapshot, scope, definition.host, port);
            if (reply.reachable && !reply.passthrough) continue; // served under a covering wildcard host
            expect([definition.host, port, reply.reachable, reply.passthrough]).toEqual([definition.host, port, scope.outbound.mode === 'ALLOW_ANY', scope.outbound.mode === 'ALLOW_ANY']);
          }
        }
      }
    }), { numRuns: 300, seed: SEED });
  });
});
