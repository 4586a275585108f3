import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Bind, EgressHost, Endpoint, MeshDefaultSidecar, NamespaceDefaultSidecar, NoIptablesSidecar, PartialIptablesSidecar, ServiceEntry,
  Sidecar, SidecarPort, SidecarProps, WorkloadSelector, WorkloadSidecar,
} from '../../src';

// The jsii kernel (Python, Java, Go, .NET) constructs with `new` on the class and hands props over
// as plain objects, so these tests do the same through Reflect.construct with untyped props: what
// JavaScript callers get, whatever the TypeScript types say.
type ConstructClass = new (scope: Construct, id: string, props?: any) => Construct;

const selector = WorkloadSelector.of({ app: 'api' });
const SIDECAR_BASE = 'metadata, apiVersion, outboundTrafficPolicy, inboundConnectionPool';

function chart(): Chart {
  return new Chart(Testing.app(), 'shop', { namespace: 'shop' });
}

function construct(type: ConstructClass, props: object): Construct {
  return Reflect.construct(type, [chart(), 'x', props]);
}

describe('unknown props throw, listing the known ones and the likely fix', () => {
  test.each<[string, ConstructClass, object, string]>([
    ['Sidecar with a misspelt prop -> the near miss', Sidecar, { egres: [] },
      `Sidecar at "shop/x" has no prop "egres". Did you mean "egress"? Its props are: ${SIDECAR_BASE}, workloadSelector, ingress, egress.`],
    ['WorkloadSidecar with the old selector prop -> workloadSelector', WorkloadSidecar, { selector },
      `WorkloadSidecar at "shop/x" has no prop "selector". Did you mean "workloadSelector"? Its props are: ${SIDECAR_BASE}, ingress, egress, workloadSelector.`],
    ['NoIptablesSidecar with the old name prop -> metadata.name', NoIptablesSidecar, { workloadSelector: selector, name: 'legacy' },
      `NoIptablesSidecar at "shop/x" has no prop "name". Did you mean "metadata.name"? Its props are: ${SIDECAR_BASE}, workloadSelector, ingress, egress, externalServices.`],
    ['PartialIptablesSidecar with the old namespace prop -> metadata.namespace', PartialIptablesSidecar, { workloadSelector: selector, namespace: 'vm' },
      `PartialIptablesSidecar at "shop/x" has no prop "namespace". Did you mean "metadata.namespace"? Its props are: ${SIDECAR_BASE}, workloadSelector, ingress, egress.`],
    ['MeshDefaultSidecar with the old labels prop -> metadata.labels', MeshDefaultSidecar, { labels: { team: 'platform' } },
      `MeshDefaultSidecar at "shop/x" has no prop "labels". Did you mean "metadata.labels"? Its props are: ${SIDECAR_BASE}, ingress, egress.`],
    ['NamespaceDefaultSidecar with a snake_case prop -> its camelCase name', NamespaceDefaultSidecar, { inbound_connection_pool: {} },
      `NamespaceDefaultSidecar at "shop/x" has no prop "inbound_connection_pool". Did you mean "inboundConnectionPool"? Its props are: ${SIDECAR_BASE}, ingress, egress.`],
    ['ServiceEntry with a prop of another construct -> no guess', ServiceEntry, { hosts: ['api.example.com'], egress: [] },
      'ServiceEntry at "shop/x" has no prop "egress". Its props are: metadata, apiVersion, hosts, addresses, ports, location, resolution, endpoints, '
      + 'workloadSelector, exportTo, subjectAltNames.'],
  ])('%s', (_name, type, props, message) => {
    expect(() => construct(type, props)).toThrow(new Error(message));
  });

  test('nothing is left in the tree by a refused construct', () => {
    const scope = chart();
    expect(() => Reflect.construct(WorkloadSidecar, [scope, 'x', { selector }])).toThrow();
    expect(scope.node.children).toEqual([]);
  });

  test('a subclass may extend the props with its own', () => {
    interface TeamSidecarProps extends SidecarProps {
      readonly team: string;
    }
    class TeamSidecar extends Sidecar {
      public constructor(scope: Construct, id: string, props: TeamSidecarProps) {
        super(scope, id, { ...props, metadata: { labels: { team: props.team } } });
      }
    }
    const sidecar = new TeamSidecar(chart(), 'x', { team: 'payments', egress: [{ hosts: [EgressHost.sameNamespace()] }] });
    expect(sidecar.apiObject.toJson().metadata.labels).toEqual({ team: 'payments' });
  });
});

describe('unknown listener and external service fields throw too, before anything is added', () => {
  const INGRESS_FIELDS = 'port, bind, captureMode, defaultEndpoint, tls, connectionPool';

  test('a misspelt ingress field in the props of a pattern -> the near miss, under the pattern\'s name', () => {
    expect(() => construct(WorkloadSidecar, {
      workloadSelector: selector, ingress: [{ port: SidecarPort.http(9080, 'http'), defaultEndpont: Endpoint.loopback(8080) }],
    })).toThrow(new Error(
      `WorkloadSidecar at "shop/x" has no ingress listener field "defaultEndpont". Did you mean "defaultEndpoint"? Its ingress listener fields are: ${INGRESS_FIELDS}.`,
    ));
  });

  test('NoIptablesSidecar reports the misspelling, not the missing defaultEndpoint', () => {
    const sidecar = construct(NoIptablesSidecar, { workloadSelector: selector }) as NoIptablesSidecar;
    expect(() => NoIptablesSidecar.prototype.addIngress.call(sidecar, { port: SidecarPort.http(9080, 'http'), default_endpoint: Endpoint.loopback(8080) } as any))
      .toThrow(new Error(
        `NoIptablesSidecar at "shop/x" has no ingress listener field "default_endpoint". Did you mean "defaultEndpoint"? Its ingress listener fields are: ${INGRESS_FIELDS}.`,
      ));
    expect(sidecar.ingress).toEqual([]);
  });

  test('a misspelt egress field through the addEgress method -> the near miss', () => {
    const sidecar = construct(Sidecar, {}) as Sidecar;
    expect(() => Sidecar.prototype.addEgress.call(sidecar, { host: [EgressHost.all()] } as any)).toThrow(new Error(
      'Sidecar at "shop/x" has no egress listener field "host". Did you mean "hosts"? Its egress listener fields are: hosts, port, bind, captureMode.',
    ));
    expect(sidecar.egress).toEqual([]);
  });

  test('a misspelt external service field -> the near miss, and no ServiceEntry', () => {
    const sidecar = construct(NoIptablesSidecar, { workloadSelector: selector }) as NoIptablesSidecar;
    expect(() => sidecar.addExternalService({ host: 'mysql.foo.com', port: 3306, serviceEntryNamspace: 'ns1' } as any)).toThrow(
      'NoIptablesSidecar at "shop/x" has no external service field "serviceEntryNamspace". Did you mean "serviceEntryNamespace"?',
    );
    expect(sidecar.serviceEntries).toEqual([]);
  });
});

describe('the props vocabulary is the same on every construct', () => {
  const metadata = { name: 'api', namespace: 'payments', labels: { team: 'payments' }, annotations: { contact: 'payments@example.com' } };

  test.each<[string, (scope: Construct) => Construct]>([
    ['Sidecar', (scope) => new Sidecar(scope, 'x', { metadata, workloadSelector: selector })],
    ['NamespaceDefaultSidecar', (scope) => new NamespaceDefaultSidecar(scope, 'x', { metadata })],
    ['WorkloadSidecar', (scope) => new WorkloadSidecar(scope, 'x', { metadata, workloadSelector: selector })],
    ['NoIptablesSidecar', (scope) => new NoIptablesSidecar(scope, 'x', {
      metadata, workloadSelector: selector, ingress: [{ port: SidecarPort.http(9080, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
    })],
    ['PartialIptablesSidecar', (scope) => new PartialIptablesSidecar(scope, 'x', {
      metadata,
      workloadSelector: selector,
      ingress: [{ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
    })],
    ['ServiceEntry', (scope) => new ServiceEntry(scope, 'x', { metadata, hosts: ['api.example.com'], workloadSelector: selector })],
  ])('%s renders metadata as given, and a workloadSelector under spec.workloadSelector', (name, build) => {
    const rendered = (build(chart()) as Sidecar).apiObject.toJson();
    expect(rendered.metadata).toEqual(metadata);
    expect(rendered.spec.workloadSelector).toEqual(name === 'NamespaceDefaultSidecar' ? undefined : { labels: { app: 'api' } });
  });

  test('metadata keys left undefined from JavaScript keep the generated name and the chart namespace', () => {
    const sidecar = construct(WorkloadSidecar, { metadata: { name: undefined, namespace: undefined }, workloadSelector: selector }) as Sidecar;
    expect(sidecar.apiObject.toJson().metadata).toEqual({ name: expect.stringMatching(/^shop-x-c8[0-9a-f]{6}$/), namespace: 'shop' });
  });
});

describe('methods behave the same when called as the jsii kernel calls them (through the prototype)', () => {
  test('MeshDefaultSidecar takes ingress listeners through the addIngress method', () => {
    // The helper's chart is of namespace "shop": the mesh default says where it goes.
    const sidecar = construct(MeshDefaultSidecar, { metadata: { namespace: 'istio-system' } }) as MeshDefaultSidecar;
    MeshDefaultSidecar.prototype.addIngress.call(sidecar, { port: SidecarPort.http(8080, 'http') });
    expect(sidecar.apiObject.toJson().spec.ingress).toEqual([{ port: { number: 8080, protocol: 'HTTP', name: 'http' } }]);
  });

  test('NoIptablesSidecar still refuses an ingress listener without a defaultEndpoint', () => {
    const sidecar = construct(NoIptablesSidecar, { workloadSelector: selector }) as NoIptablesSidecar;
    expect(() => NoIptablesSidecar.prototype.addIngress.call(sidecar, { port: SidecarPort.http(9080, 'http') })).toThrow(
      'NoIptablesSidecar at "shop/x" cannot add an ingress listener on port 9080/HTTP (http) without a defaultEndpoint',
    );
  });

  test('PartialIptablesSidecar still gives an egress listener the IPTABLES capture mode', () => {
    const sidecar = construct(PartialIptablesSidecar, { workloadSelector: selector, egress: [] }) as PartialIptablesSidecar;
    PartialIptablesSidecar.prototype.addEgress.call(sidecar, { hosts: [EgressHost.all()] });
    expect(sidecar.egress.map((listener) => listener.captureMode)).toEqual(['IPTABLES']);
  });
});
