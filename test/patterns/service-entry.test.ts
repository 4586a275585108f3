import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  IstioMesh, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution, SidecarApiVersion, SidecarProtocol, WorkloadSelector,
} from '../../src';
import { SEED_SERVICE_ENTRY } from '../fixtures/seed-documents';

describe('ServiceEntry', () => {
  test('the seed\'s external-svc-mysql', () => {
    const chart = Testing.chart();
    new ServiceEntry(chart, 'mysql', {
      metadata: { name: 'external-svc-mysql', namespace: 'ns1' },
      hosts: ['mysql.foo.com'],
      ports: [{ number: 3306, name: 'mysql', protocol: SidecarProtocol.MYSQL }],
      location: ServiceEntryLocation.MESH_EXTERNAL,
      resolution: ServiceEntryResolution.DNS,
    });
    expect(Testing.synth(chart)).toEqual([{ ...SEED_SERVICE_ENTRY, apiVersion: 'networking.istio.io/v1' }]);
  });

  test('every field, with ports and endpoints added after construction', () => {
    const entry = new ServiceEntry(Testing.chart(), 'vms', {
      hosts: ['vm.internal.example.com', '*.vms.example.com'],
      addresses: ['10.1.2.3', '192.168.0.0/16', 'fd00::/8'],
      location: ServiceEntryLocation.MESH_INTERNAL,
      resolution: ServiceEntryResolution.STATIC,
      workloadSelector: WorkloadSelector.of({ app: 'vm' }),
      exportTo: ['.', 'shop'],
      subjectAltNames: ['spiffe://cluster.local/ns/vms/sa/vm'],
    });
    entry.addPort({ number: 80, name: 'http', protocol: SidecarProtocol.HTTP, targetPort: 8080 });
    entry.addEndpoint({
      address: '10.1.2.3', ports: { http: 8081 }, labels: { version: 'v1' }, network: 'net-1', locality: 'us-east1/us-east1-b', weight: 3, serviceAccount: 'vm',
    });
    entry.addEndpoint({ address: 'unix:///var/run/vm.sock' });
    expect(entry.apiObject.toJson().spec).toEqual({
      hosts: ['vm.internal.example.com', '*.vms.example.com'],
      addresses: ['10.1.2.3', '192.168.0.0/16', 'fd00::/8'],
      ports: [{ number: 80, name: 'http', protocol: 'HTTP', targetPort: 8080 }],
      location: 'MESH_INTERNAL',
      resolution: 'STATIC',
      endpoints: [
        {
          address: '10.1.2.3', ports: { http: 8081 }, labels: { version: 'v1' }, network: 'net-1', locality: 'us-east1/us-east1-b', weight: 3, serviceAccount: 'vm',
        },
        { address: 'unix:///var/run/vm.sock' },
      ],
      workloadSelector: { labels: { app: 'vm' } },
      exportTo: ['.', 'shop'],
      subjectAltNames: ['spiffe://cluster.local/ns/vms/sa/vm'],
    });
    expect(entry.hosts).toEqual(['vm.internal.example.com', '*.vms.example.com']);
  });

  test('a workloadSelector of a workload in another namespace -> throws, naming the path, both namespaces and the fix', () => {
    const app = Testing.app();
    const vm = new ApiObject(new Chart(app, 'vms', { namespace: 'vms' }), 'vm', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vm', labels: { app: 'vm' } }, spec: { containers: [{ name: 'vm', image: 'vm' }] },
    });
    expect(() => new ServiceEntry(new Chart(app, 'shop', { namespace: 'shop' }), 'vms', {
      hosts: ['vm.internal.example.com'], location: ServiceEntryLocation.MESH_INTERNAL, workloadSelector: WorkloadSelector.fromWorkload(vm),
    })).toThrow(
      'ServiceEntry at "shop/vms" is in namespace "shop", but its workloadSelector selects the pods of "vms/vm", in namespace "vms": '
      + 'a ServiceEntry only selects pods of its own namespace, so it would select nothing; '
      + 'create the ServiceEntry in namespace "vms" (a chart of that namespace, or metadata.namespace), or select a workload of namespace "shop"',
    );
  });

  test('apiVersion follows IstioMesh, or its own prop', () => {
    const app = Testing.app();
    IstioMesh.configure(app, { apiVersion: SidecarApiVersion.V1ALPHA3 });
    const chart = new Chart(app, 'c');
    expect(new ServiceEntry(chart, 'a', { hosts: ['a.example.com'] }).apiObject.toJson().apiVersion).toEqual('networking.istio.io/v1alpha3');
    expect(new ServiceEntry(chart, 'b', { hosts: ['b.example.com'], apiVersion: SidecarApiVersion.V1 }).apiVersion).toEqual('networking.istio.io/v1');
  });

  test.each([
    ['no host', [], 'Invalid ServiceEntry hosts [] at "test/se": expected at least one host name, e.g. ["api.example.com"]'],
    ['"*" alone', ['*'], 'Invalid ServiceEntry host "*": expected a host name, optionally with a wildcard first label, e.g. "api.example.com" or "*.example.com" ("*" alone is not allowed)'],
    ['a Sidecar-style host', ['*/mysql.foo.com'], 'Invalid ServiceEntry host "*/mysql.foo.com": expected a host name without a namespace or path, e.g. "api.example.com" (the "namespace/host" form is for Sidecar egress hosts)'],
    ['an IP address', ['10.0.0.1'], 'Invalid ServiceEntry host "10.0.0.1": the top-level label "1" is all digits (IP addresses are not host names); expected a host name such as "api.example.com" or "*.example.com"'],
    ['an underscore', ['my_db.example.com'], 'Invalid ServiceEntry host "my_db.example.com": the label "my_db" is not a DNS label or wildcard; expected a host name such as "api.example.com" or "*.example.com"'],
  ])('refuses %s', (_, hosts, message) => {
    expect(() => new ServiceEntry(Testing.chart(), 'se', { hosts: hosts as string[] })).toThrow(message);
  });

  test('refuses a missing hosts list from JavaScript', () => {
    // @ts-expect-error hosts is required
    expect(() => new ServiceEntry(Testing.chart(), 'se', {})).toThrow('Invalid ServiceEntry hosts null at "test/se": expected at least one host name, e.g. ["api.example.com"]');
  });

  test.each([
    ['a bad address', { addresses: ['10.0.0.0/33'] }, 'Invalid ServiceEntry address "10.0.0.0/33": expected an IP address or a CIDR block, e.g. "10.1.2.3" or "192.168.0.0/16"'],
    ['a host name address', { addresses: ['db.example.com'] }, 'Invalid ServiceEntry address "db.example.com": expected an IP address or a CIDR block, e.g. "10.1.2.3" or "192.168.0.0/16"'],
    ['a port out of range', { ports: [{ number: 0, name: 'x' }] }, 'Invalid ServiceEntry port number 0: expected a whole number from 1 to 65535'],
    ['a bad port name', { ports: [{ number: 80, name: 'HTTP_WEB' }] }, 'Invalid ServiceEntry port name "HTTP_WEB" for port 80: expected a DNS label: at most 63 letters, digits and "-", starting and ending with a letter or digit, e.g. "http-web"'],
    ['a missing port name', { ports: [{ number: 80 }] }, 'Invalid ServiceEntry port name null for port 80: expected a name, e.g. "https"'],
    ['a bad targetPort', { ports: [{ number: 80, name: 'http', targetPort: 70000 }] }, 'Invalid ServiceEntry targetPort 70000: expected a whole number from 1 to 65535'],
    ['a bad exportTo', { exportTo: ['~shop'] }, 'Invalid ServiceEntry exportTo "~shop": expected "*" (all namespaces), "." (its own) or a namespace name, e.g. "istio-system"'],
    ['an empty subjectAltName', { subjectAltNames: [''] }, 'Invalid ServiceEntry subjectAltName "": expected a non-empty identity, e.g. "spiffe://cluster.local/ns/db/sa/mysql"'],
    ['a bad endpoint address', { endpoints: [{ address: 'db_1.example.com' }] }, 'Invalid ServiceEntry endpoint address "db_1.example.com": the label "db_1" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit); expected an IP address, a host name or "unix:///path/to/socket", e.g. "10.1.2.3" or "db.example.com"'],
    ['a relative socket', { endpoints: [{ address: 'unix://var/run/a.sock' }] }, 'Invalid ServiceEntry endpoint address "unix://var/run/a.sock": expected an absolute path to a socket file or an abstract socket name, e.g. "unix:///var/run/app.sock" or "unix://@app"'],
    ['a bad endpoint port', { endpoints: [{ address: '10.0.0.1', ports: { http: 0 } }] }, 'Invalid ServiceEntry endpoint port "http" 0: expected a whole number from 1 to 65535'],
    ['a bad endpoint label', { endpoints: [{ address: '10.0.0.1', labels: { version: 'v 1' } }] }, 'Invalid ServiceEntry endpoint label value "v 1" for "version": expected at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)'],
    ['a negative weight', { endpoints: [{ address: '10.0.0.1', weight: -1 }] }, 'Invalid ServiceEntry endpoint weight -1: expected a whole number from 0 to 4294967295'],
    ['a bad locality', { endpoints: [{ address: '10.0.0.1', locality: 'a/b/c/d' }] }, 'Invalid ServiceEntry endpoint locality "a/b/c/d": expected "<region>", "<region>/<zone>" or "<region>/<zone>/<subzone>", e.g. "us-east1/us-east1-b"'],
  ])('refuses %s', (_, props, message) => {
    expect(() => new ServiceEntry(Testing.chart(), 'se', { hosts: ['a.example.com'], ...(props as object) })).toThrow(message);
  });
});

describe('ServiceEntry construction', () => {
  test('a bad value throws before anything is added to the construct tree', () => {
    const chart = Testing.chart();
    expect(() => new ServiceEntry(chart, 'bad', { hosts: ['api.example.com'], ports: [{ number: 0, name: 'http' }] })).toThrow(/port number/);
    expect(() => new ServiceEntry(chart, 'bad2', { hosts: ['not a host'] })).toThrow();
    expect(chart.node.children).toEqual([]);
  });
});
