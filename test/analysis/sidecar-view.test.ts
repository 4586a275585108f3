import { sidecarManifest } from '../../src/analysis/rules/support/example-manifests';
import { SelectorForm, SidecarView, sidecarView } from '../../src/analysis/sidecar-view';
import { MeshSnapshot, SidecarResource } from '../../src/analysis/snapshot';

function sidecarOf(spec: unknown): SidecarResource {
  return new MeshSnapshot([{ manifest: sidecarManifest(spec) }]).sidecars[0];
}

const viewOf = (spec: unknown): SidecarView => sidecarView(sidecarOf(spec));

describe('sidecarView', () => {
  test('is built once per Sidecar', () => {
    const sidecar = sidecarOf({ egress: [{ hosts: ['./*'] }] });
    expect(sidecarView(sidecar)).toBe(sidecarView(sidecar));
  });

  test('a spec that is not an object reads as empty, and its schema problem is still there', () => {
    const view = viewOf('egress');
    expect([view.ingress, view.egress, view.ports, view.hosts, view.tls, view.pools]).toEqual([[], [], [], [], [], []]);
    expect(view.schemaProblems.map((p) => `${p.ruleId} ${p.path}`)).toEqual(['S-CRD-TYPES spec']);
  });

  test('listeners: the objects only, with their index and path; the raw count of egress items keeps the rest', () => {
    const view = viewOf({ egress: [null, { hosts: ['./*'] }, 'x'], ingress: [{ port: { number: 80 } }, 7] });
    expect(view.egress.map((l) => [l.index, l.path])).toEqual([[1, 'spec.egress[1]']]);
    expect(view.egressItemCount).toBe(3);
    expect(view.ingress.map((l) => [l.index, l.path, l.portNumberPath])).toEqual([[0, 'spec.ingress[0]', 'spec.ingress[0].port.number']]);
  });

  test.each([
    ['no port', 'catch-all', 0, {}],
    ['a null port', 'catch-all', 0, { port: null }],
    ['a port without a number', 'unix-socket', 0, { port: { protocol: 'HTTP' } }],
    ['port number 0', 'unix-socket', 0, { port: { number: 0 } }],
    ['a positive number', 'numbered', 8080, { port: { number: 8080 } }],
    ['a port of the wrong type', 'malformed', 0, { port: 80 }],
    ['a quoted number', 'malformed', 0, { port: { number: '80' } }],
    ['a negative number', 'malformed', 0, { port: { number: -1 } }],
  ] as Array<[string, string, number, object]>)('egress port kind: %s -> %s', (_name, kind, portNumber, listener) => {
    const [egress] = viewOf({ egress: [{ hosts: ['./*'], ...listener }] }).egress;
    expect([egress.kind, egress.portNumber]).toEqual([kind, portNumber]);
  });

  test.each([
    ['no port object', {}, undefined, undefined],
    ['no number, no protocol', { port: {} }, 0, ''],
    ['a null number', { port: { number: null, protocol: 'HTTP' } }, 0, 'HTTP'],
    ['a whole number', { port: { number: 9080, protocol: 'TCP' } }, 9080, 'TCP'],
    ['a fractional number', { port: { number: 1.5 } }, undefined, ''],
  ])('ingress port as Istio reads it: %s', (_name, listener: object, portNumber?: number, protocol?: string) => {
    const [ingress] = viewOf({ ingress: [listener] }).ingress;
    expect([ingress.portNumber, ingress.protocol]).toEqual([portNumber, protocol]);
  });

  test('ports: every port object, ingress first, each knowing its listener', () => {
    const view = viewOf({ egress: [{ port: { number: 1 }, hosts: ['./*'] }], ingress: [{ port: { number: 2, name: 'b' } }, { port: 'x' }] });
    expect(view.ports.map((p) => [p.direction, p.path, p.name, p.number, p.listener.index])).toEqual([
      ['ingress', 'spec.ingress[0].port', 'b', 2, 0],
      ['egress', 'spec.egress[0].port', undefined, 1, 0],
    ]);
  });

  test('hosts: the string hosts of every egress listener, in order, with their paths', () => {
    const view = viewOf({ egress: [{ hosts: ['a/*', 5, 'b/*'] }, { hosts: 'c/*' }, { hosts: ['d/*'] }] });
    expect(view.hosts.map((h) => [h.host, h.index, h.path, h.listener.index])).toEqual([
      ['a/*', 0, 'spec.egress[0].hosts[0]', 0],
      ['b/*', 2, 'spec.egress[0].hosts[2]', 0],
      ['d/*', 0, 'spec.egress[2].hosts[0]', 2],
    ]);
    expect(view.egress[1].hostsValue).toBe('c/*');
  });

  test('TLS and pools: object ones only; the Sidecar-wide pool first, then each listener\'s', () => {
    const view = viewOf({
      inboundConnectionPool: { tcp: { maxConnections: 1 }, http: 'x' },
      ingress: [{ port: { number: 1 }, tls: {}, connectionPool: { http: {} } }, { port: { number: 2 }, tls: 'x', connectionPool: null }],
    });
    expect(view.tls.map((t) => [t.path, t.listener.index])).toEqual([['spec.ingress[0].tls', 0]]);
    expect(view.pools.map((p) => [p.path, p.listener?.index, p.http?.path, p.tcp?.path])).toEqual([
      ['spec.inboundConnectionPool', undefined, undefined, 'spec.inboundConnectionPool.tcp'],
      ['spec.ingress[0].connectionPool', 0, 'spec.ingress[0].connectionPool.http', undefined],
    ]);
  });

  test('outbound policy: the mode as written, the proxy when it is an object, its path either way', () => {
    const malformedProxy = viewOf({ outboundTrafficPolicy: { mode: 5, egressProxy: 'x' } }).outboundPolicy;
    expect([malformedProxy?.mode, malformedProxy?.egressProxy, malformedProxy?.egressProxyPath]).toEqual([5, undefined, 'spec.outboundTrafficPolicy.egressProxy']);
    expect(viewOf({ outboundTrafficPolicy: { egressProxy: { host: 'h' } } }).outboundPolicy?.egressProxy?.path).toBe('spec.outboundTrafficPolicy.egressProxy');
    expect(viewOf({ outboundTrafficPolicy: 'x' }).outboundPolicy).toBeUndefined();
  });

  test.each([
    ['no workloadSelector', 'absent', {}],
    ['a null workloadSelector', 'absent', { workloadSelector: null }],
    ['workloadSelector: {}', 'empty', { workloadSelector: {} }],
    ['labels: {}', 'empty', { workloadSelector: { labels: {} } }],
    ['labels', 'labels', { workloadSelector: { labels: { app: 'a' } } }],
    ['a workloadSelector of the wrong type', 'malformed', { workloadSelector: 'app=a' }],
    ['labels of the wrong type', 'malformed', { workloadSelector: { labels: ['app'] } }],
    ['a label value that is not a string', 'malformed', { workloadSelector: { labels: { app: 1 } } }],
  ] as Array<[string, SelectorForm, object]>)('selector form: %s -> %s', (_name, form, spec) => {
    expect(viewOf(spec).selectorForm).toBe(form);
  });

  test('selector labels: each with its value as written and its path', () => {
    expect(viewOf({ workloadSelector: { labels: { 'app': 'a', 'x y': 2 } } }).selector?.labels).toEqual([
      { key: 'app', value: 'a', path: 'spec.workloadSelector.labels.app' },
      { key: 'x y', value: 2, path: 'spec.workloadSelector.labels["x y"]' },
    ]);
  });

  test('schema problems by owner: each rule gets those the model gives it, in walk order', () => {
    const view = viewOf({ egress: [null, { hosts: ['./*'], captureMode: 'tproxy' }], ingress: [{}], foo: 1 });
    expect(view.schemaProblemsOf('S-EG-NULL').map((p) => p.path)).toEqual(['spec.egress[0]']);
    expect(view.schemaProblemsOf('S-EG-CAPTURE-MODE').map((p) => p.path)).toEqual(['spec.egress[1].captureMode']);
    expect(view.schemaProblemsOf('S-IN-PORT-REQUIRED').map((p) => p.path)).toEqual(['spec.ingress[0].port']);
    expect(view.schemaProblemsOf('S-CRD-UNKNOWN-FIELDS').map((p) => p.path)).toEqual(['spec.foo']);
    expect(view.schemaProblemsOf('S-CRD-TYPES')).toEqual([]);
  });
});
