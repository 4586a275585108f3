import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { WorkloadCalls } from '../src';
import { thrownMessage } from './setup/thrown-message';
import { CALLS_ANNOTATION, CALL_FORM, parseCallEntry } from '../src/analysis/syntax/call';

function rawDeployment(chart: Chart, id: string, annotations?: { [key: string]: string }): ApiObject {
  return new ApiObject(chart, id, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: id, annotations } });
}

function rawService(chart: Chart, name: string, namespace?: string): ApiObject {
  return new ApiObject(chart, `svc-${name}`, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace } });
}

function kplusDeployment(chart: Chart, id: string): kplus.Deployment {
  return new kplus.Deployment(chart, id, { containers: [{ image: 'nginx', portNumber: 8080 }] });
}

/** The annotation as the synthesized manifest of `apiObject` carries it. */
function annotationOf(apiObject: ApiObject): string | undefined {
  return apiObject.toJson().metadata?.annotations?.[CALLS_ANNOTATION];
}

describe('WorkloadCalls writes the calls annotation', () => {
  test('on a cdk8s-plus Deployment', () => {
    const chart = Testing.chart();
    const web = kplusDeployment(chart, 'web');
    WorkloadCalls.of(web).toHost('api.example.com', 443);
    WorkloadCalls.of(web).toHost('reviews.bookinfo');
    expect(annotationOf(ApiObject.of(web))).toBe('api.example.com:443,reviews.bookinfo');
  });

  test('on a raw ApiObject Deployment', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    WorkloadCalls.of(web).toHost('Ratings.Bookinfo.svc.cluster.local.', 9080);
    expect(annotationOf(web)).toBe('ratings.bookinfo.svc.cluster.local:9080');
    expect(WorkloadCalls.of(web).entries).toEqual(['ratings.bookinfo.svc.cluster.local:9080']);
  });

  test('on every workload kind, and on a construct whose ApiObject.of() is one', () => {
    const chart = Testing.chart();
    for (const kind of ['Pod', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']) {
      const workload = new ApiObject(chart, kind, { apiVersion: 'v1', kind });
      WorkloadCalls.of(workload).toHost('api.example.com');
      expect({ kind, value: annotationOf(workload) }).toEqual({ kind, value: 'api.example.com' });
    }
    const wrapper = new Construct(chart, 'wrapper');
    const inner = new ApiObject(wrapper, 'Resource', { apiVersion: 'apps/v1', kind: 'Deployment' });
    WorkloadCalls.of(wrapper).toHost('api.example.com', 443);
    expect(annotationOf(inner)).toBe('api.example.com:443');
  });

  test('toService with a cdk8s-plus Service: name.namespace:port, or the name alone without a namespace', () => {
    const app = Testing.app();
    const namespaced = new Chart(app, 'prod', { namespace: 'bookinfo' });
    const bare = new Chart(app, 'bare');
    const web = kplusDeployment(namespaced, 'web');
    const reviews = new kplus.Service(namespaced, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080 }] });
    const ratings = new kplus.Service(bare, 'ratings', { metadata: { name: 'ratings' }, ports: [{ port: 9080 }] });
    WorkloadCalls.of(web).toService(reviews, 9080);
    WorkloadCalls.of(web).toService(ratings);
    expect(annotationOf(ApiObject.of(web))).toBe('reviews.bookinfo:9080,ratings');
  });

  test('toService with an ApiObject Service, with and without a namespace', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    const calls = WorkloadCalls.of(web);
    calls.toService(rawService(chart, 'reviews', 'bookinfo'), 9080);
    calls.toService(rawService(chart, 'details'), 9080);
    expect(annotationOf(web)).toBe('reviews.bookinfo:9080,details:9080');
  });

  test('keeps insertion order and drops exact duplicates (as the engine reads them)', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    const calls = WorkloadCalls.of(web);
    calls.toHost('zeta.example.com', 443);
    calls.toHost('alpha.example.com', 443);
    calls.toHost('zeta.example.com', 443);
    calls.toHost('ZETA.example.com.', 443);
    calls.toService(rawService(chart, 'reviews', 'bookinfo'), 9080);
    calls.toHost('reviews.bookinfo', 9080);
    calls.toHost('zeta.example.com');
    expect(calls.entries).toEqual(['zeta.example.com:443', 'alpha.example.com:443', 'reviews.bookinfo:9080', 'zeta.example.com']);
  });

  test('keeps the entries of a hand-written annotation first, and does not repeat them', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web', { [CALLS_ANNOTATION]: 'reviews.bookinfo:9080, api.example.com:443', other: 'kept' });
    const calls = WorkloadCalls.of(web);
    calls.toHost('api.example.com', 443);
    calls.toHost('ratings.bookinfo', 9080);
    const metadata = web.toJson().metadata;
    expect(metadata.annotations).toEqual({ [CALLS_ANNOTATION]: 'reviews.bookinfo:9080,api.example.com:443,ratings.bookinfo:9080', other: 'kept' });
  });

  test('reads the annotation as it is at each add, so a later hand-written value is kept too', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    const calls = WorkloadCalls.of(web);
    calls.toHost('a.example.com');
    web.metadata.addAnnotation(CALLS_ANNOTATION, 'a.example.com,b.example.com');
    calls.toHost('c.example.com');
    expect(annotationOf(web)).toBe('a.example.com,b.example.com,c.example.com');
  });

  test('of returns the same instance for the same workload, also through its ApiObject', () => {
    const chart = Testing.chart();
    const web = kplusDeployment(chart, 'web');
    const other = kplusDeployment(chart, 'other');
    expect(WorkloadCalls.of(web)).toBe(WorkloadCalls.of(web));
    expect(WorkloadCalls.of(ApiObject.of(web))).toBe(WorkloadCalls.of(web));
    expect(WorkloadCalls.of(other)).not.toBe(WorkloadCalls.of(web));
    expect(WorkloadCalls.ANNOTATION).toBe(CALLS_ANNOTATION);
  });

  test('works when called through prototypes, as the jsii kernel calls it', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    const calls = WorkloadCalls.of.call(WorkloadCalls, web);
    WorkloadCalls.prototype.toHost.call(calls, 'api.example.com', 443);
    WorkloadCalls.prototype.toService.call(calls, rawService(chart, 'reviews', 'bookinfo'), undefined);
    const entries = Object.getOwnPropertyDescriptor(WorkloadCalls.prototype, 'entries')!.get!.call(calls);
    expect(entries).toEqual(['api.example.com:443', 'reviews.bookinfo']);
  });
});

describe('WorkloadCalls errors say which workload, what value, what is wrong and how to write it', () => {
  test.each([
    ['port 0', 'api.example.com', 0, '"api.example.com:0"', 'the port "0" is invalid'],
    ['port 70000', 'api.example.com', 70000, '"api.example.com:70000"', 'the port "70000" is invalid'],
    ['port 9080.5', 'api.example.com', 9080.5, '"api.example.com:9080.5"', 'the port "9080.5" is invalid'],
    ['host "a b"', 'a b', 443, '"a b:443"', 'the host "a b" is not a DNS name'],
    ['a wildcard host', '*.example.com', undefined, '"*.example.com"', 'has a wildcard'],
    ['an empty host', '', undefined, '""', 'the entry is empty'],
  ])('%s', (_label, host, port, value, problem) => {
    const chart = Testing.chart();
    const web = kplusDeployment(chart, 'web');
    const calls = WorkloadCalls.of(web);
    const message = thrownMessage(() => calls.toHost(host, port));
    expect(message).toContain(`"${web.node.path}"`);
    expect(message).toContain(value);
    expect(message).toContain(problem);
    expect(message).toContain(CALL_FORM);
    expect(annotationOf(ApiObject.of(web))).toBeUndefined();
  });

  test('a port in the host', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    const message = thrownMessage(() => WorkloadCalls.of(web).toHost('reviews.bookinfo:9080'));
    expect(message).toContain(`"${web.node.path}"`);
    expect(message).toContain('"reviews.bookinfo:9080"');
    expect(message).toContain('give the port as the second argument');
  });

  test('a bad port to toService', () => {
    const chart = Testing.chart();
    const web = rawDeployment(chart, 'web');
    const message = thrownMessage(() => WorkloadCalls.of(web).toService(rawService(chart, 'reviews', 'bookinfo'), 70000));
    expect(message).toContain(`"${web.node.path}"`);
    expect(message).toContain('"reviews.bookinfo:70000"');
    expect(message).toContain('expected a whole number from 1 to 65535');
  });

  test('of a non-workload names the kind found and the workload kinds', () => {
    const chart = Testing.chart();
    const config = new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap' });
    const message = thrownMessage(() => WorkloadCalls.of(config));
    expect(message).toContain(`"${config.node.path}"`);
    expect(message).toContain('it is a ConfigMap, not a workload');
    expect(message).toContain('Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob');
    expect(thrownMessage(() => WorkloadCalls.of(rawService(chart, 'reviews')))).toContain('it is a Service, not a workload');
  });

  test('of a construct that is no Kubernetes object', () => {
    const chart = Testing.chart();
    const empty = new Construct(chart, 'empty');
    const message = thrownMessage(() => WorkloadCalls.of(empty));
    expect(message).toContain(`"${empty.node.path}"`);
    expect(message).toContain('it is not a Kubernetes object');
    expect(message).toContain('Deployment');
  });

  test('toService with a non-Service names the kind found', () => {
    const chart = Testing.chart();
    const web = kplusDeployment(chart, 'web');
    const other = kplusDeployment(chart, 'other');
    const message = thrownMessage(() => WorkloadCalls.of(web).toService(other, 80));
    expect(message).toContain(`"${web.node.path}"`);
    expect(message).toContain(`"${other.node.path}"`);
    expect(message).toContain('it is a Deployment, not a Service');
    expect(message).toContain('toHost()');
    const empty = new Construct(chart, 'empty');
    expect(thrownMessage(() => WorkloadCalls.of(web).toService(empty))).toContain('it is not a Kubernetes object, not a Service');
  });
});

test('the synthesized manifest carries entries the engine parses', () => {
  const chart = Testing.chart();
  const web = kplusDeployment(chart, 'web');
  const calls = WorkloadCalls.of(web);
  calls.toService(new kplus.Service(chart, 'reviews', { metadata: { namespace: 'bookinfo' }, ports: [{ port: 9080 }] }), 9080);
  calls.toHost('api.example.com', 443);
  calls.toHost('ratings.bookinfo.svc.cluster.local');
  const manifests = Testing.synth(chart);
  const deployment = manifests.find((manifest) => manifest.kind === 'Deployment');
  const value: string = deployment.metadata.annotations[CALLS_ANNOTATION];
  const entries = value.split(',');
  expect(entries).toHaveLength(3);
  for (const entry of entries) expect(parseCallEntry(entry)).toHaveProperty('call');
  expect(entries[0]).toMatch(/^[a-z0-9.-]+\.bookinfo:9080$/);
});
