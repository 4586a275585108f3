import { Chart, Testing } from 'cdk8s';
import {
  Bind, EgressHost, Endpoint, MeshDefaultSidecar, NamespaceDefaultSidecar, NoIptablesSidecar, PartialIptablesSidecar, SidecarPort,
  WorkloadSelector, WorkloadSidecar,
} from '../../src';

const LABELS = { metadata: { labels: { team: 'payments' }, annotations: { 'owner.example.com/contact': 'payments@example.com' } } };
const selector = WorkloadSelector.of({ app: 'api' });

describe('every pattern construct takes labels and annotations in its metadata', () => {
  test.each([
    ['MeshDefaultSidecar', (c: any) => new MeshDefaultSidecar(c, 'x', LABELS)],
    ['NamespaceDefaultSidecar', (c: any) => new NamespaceDefaultSidecar(c, 'x', LABELS)],
    ['WorkloadSidecar', (c: any) => new WorkloadSidecar(c, 'x', { workloadSelector: selector, ...LABELS })],
    ['NoIptablesSidecar', (c: any) => new NoIptablesSidecar(c, 'x', {
      workloadSelector: selector, ingress: [{ port: SidecarPort.http(9080, 'http'), defaultEndpoint: Endpoint.loopback(8080) }], ...LABELS,
    })],
    ['PartialIptablesSidecar', (c: any) => new PartialIptablesSidecar(c, 'x', {
      workloadSelector: selector,
      ingress: [{ bind: Bind.ip('172.16.1.32'), port: SidecarPort.http(80, 'http'), defaultEndpoint: Endpoint.loopback(8080) }],
      egress: [{ hosts: [EgressHost.all()] }],
      ...LABELS,
    })],
  ])('%s', (_name, build) => {
    const chart = new Chart(Testing.app(), 'payments', { namespace: 'payments' });
    build(chart);
    const [rendered] = Testing.synth(chart);
    expect(rendered.metadata.labels).toEqual({ team: 'payments' });
    expect(rendered.metadata.annotations).toEqual({ 'owner.example.com/contact': 'payments@example.com' });
  });
});
