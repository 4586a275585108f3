import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { EgressHost, IstioMesh, IstioMeshProps, RegistryCompleteness, Sidecar, SidecarApiVersion, WorkloadSelector } from '../src';

describe('IstioMesh', () => {
  test('defaults: istio-system and networking.istio.io/v1', () => {
    const mesh = IstioMesh.of(Testing.app());
    expect(mesh.rootNamespace).toBe('istio-system');
    expect(mesh.apiVersion).toBe(SidecarApiVersion.V1);
  });

  test('one per app, under the app root with a fixed id, found from any scope', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    const mesh = IstioMesh.of(chart);
    expect(IstioMesh.of(app)).toBe(mesh);
    expect(IstioMesh.of(new Chart(chart, 'nested'))).toBe(mesh);
    expect(app.node.tryFindChild('IstioSidecarMesh')).toBe(mesh);
    expect(mesh.node.path).toBe('IstioSidecarMesh');
  });

  test('each app has its own', () => {
    expect(IstioMesh.of(Testing.app())).not.toBe(IstioMesh.of(Testing.app()));
  });

  test('the construct under the fixed id is shared, whatever copy of the package made it', () => {
    const app = Testing.app();
    // Another copy's IstioMesh is a different class: it is found by id, not by instanceof.
    const fromOtherCopy = new Construct(app, 'IstioSidecarMesh');
    expect(IstioMesh.of(app)).toBe(fromOtherCopy);
  });

  test('Sidecars create the mesh', () => {
    const app = Testing.app();
    new Sidecar(new Chart(app, 'chart'), 'sc');
    expect(app.node.tryFindChild('IstioSidecarMesh')).toBeInstanceOf(IstioMesh);
  });

  test('configure sets the settings and keeps those left out', () => {
    const app = Testing.app();
    const mesh = IstioMesh.configure(app, { rootNamespace: 'istio-config' });
    expect(IstioMesh.configure(app, { apiVersion: SidecarApiVersion.V1BETA1 })).toBe(mesh);
    expect([mesh.rootNamespace, mesh.apiVersion]).toEqual(['istio-config', SidecarApiVersion.V1BETA1]);
    IstioMesh.configure(app, {});
    expect([mesh.rootNamespace, mesh.apiVersion]).toEqual(['istio-config', SidecarApiVersion.V1BETA1]);
  });

  test('configured apiVersion is used by the Sidecars defined afterwards', () => {
    const chart = Testing.chart();
    IstioMesh.configure(chart, { apiVersion: SidecarApiVersion.V1ALPHA3 });
    const sidecar = new Sidecar(chart, 'sc');
    expect(sidecar.apiObject.toJson().apiVersion).toBe('networking.istio.io/v1alpha3');
  });

  test('changing the apiVersion after a Sidecar took it is an error', () => {
    const app = Testing.app();
    new Sidecar(new Chart(app, 'chart'), 'ratings');
    expect(() => IstioMesh.configure(app, { apiVersion: SidecarApiVersion.V1BETA1 })).toThrow(new Error(
      'Cannot change the Sidecar apiVersion to "networking.istio.io/v1beta1": the object at "chart/ratings" was already created with "networking.istio.io/v1". '
      + 'Call IstioMesh.configure() before defining Sidecars and ServiceEntries.',
    ));
  });

  test('after Sidecars, the same apiVersion and other settings can still be configured', () => {
    const app = Testing.app();
    new Sidecar(new Chart(app, 'chart'), 'ratings');
    const mesh = IstioMesh.configure(app, { apiVersion: SidecarApiVersion.V1, rootNamespace: 'mesh-root' });
    expect(mesh.rootNamespace).toBe('mesh-root');
  });

  test('a Sidecar with its own apiVersion does not fix the mesh apiVersion', () => {
    const app = Testing.app();
    new Sidecar(new Chart(app, 'chart'), 'pinned', { apiVersion: SidecarApiVersion.V1ALPHA3 });
    expect(IstioMesh.configure(app, { apiVersion: SidecarApiVersion.V1BETA1 }).apiVersion).toBe(SidecarApiVersion.V1BETA1);
  });

  test('registry: partial by default, complete when configured, and an unknown value is an error naming it', () => {
    const app = Testing.app();
    expect(IstioMesh.of(app).registry).toBe(RegistryCompleteness.PARTIAL);
    expect(IstioMesh.configure(app, { registry: RegistryCompleteness.COMPLETE }).registry).toBe(RegistryCompleteness.COMPLETE);
    IstioMesh.configure(app, {});
    expect(IstioMesh.of(app).registry).toBe(RegistryCompleteness.COMPLETE);
    expect(() => IstioMesh.configure(Testing.app(), { registry: 'full' as RegistryCompleteness })).toThrow(
      'IstioMesh.configure(): registry "full" is invalid: expected "complete" or "partial" ("complete" when the input is a whole cluster export)');
  });

  test('registry complete: the app\'s findings judge a selector in an app without workloads', () => {
    const findingsWith = (registry?: RegistryCompleteness) => {
      const app = Testing.app();
      if (registry) IstioMesh.configure(app, { registry });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new Sidecar(chart, 'ratings', { workloadSelector: WorkloadSelector.of({ app: 'ratings' }), egress: [{ hosts: [EgressHost.sameNamespace()] }] });
      return IstioMesh.of(app).findings().map((f) => f.ruleId);
    };
    expect(findingsWith(RegistryCompleteness.COMPLETE)).toContain('X-SELECTOR-NO-MATCH');
    expect(findingsWith()).not.toContain('X-SELECTOR-NO-MATCH');
  });

  test('an invalid root namespace is an error', () => {
    expect(() => IstioMesh.configure(Testing.app(), { rootNamespace: 'istio_system' })).toThrow(new Error(
      'IstioMesh.configure(): rootNamespace "istio_system" is invalid: expected a namespace name: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit, e.g. "istio-system"',
    ));
  });

  test('the mesh renders nothing', () => {
    const chart = Testing.chart();
    IstioMesh.of(chart);
    expect(Testing.synth(chart)).toEqual([]);
  });

  test.each([
    [{ failOnWarnings: true }, 'unknown setting "failOnWarnings" (did you mean "failOn"?)'],
    [{ rootNamepsace: 'istio-config' }, 'unknown setting "rootNamepsace" (did you mean "rootNamespace"?)'],
    [{ quiet: true, loud: true, silent: true }, 'unknown settings "loud", "silent"'],
  ])('a setting it does not know, as JavaScript or another jsii language may pass, is refused: %j', (props, message) => {
    const app = Testing.app();
    expect(() => IstioMesh.configure(app, props as IstioMeshProps)).toThrow(`IstioMesh.configure() at "IstioSidecarMesh": ${message}; expected `);
    expect(IstioMesh.of(app).quiet).toBe(IstioMesh.of(Testing.app()).quiet);
  });
});
