import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { WorkloadSelector } from '../src';

function rawWorkload(scope: Construct, id: string, kind: string, body: { [key: string]: unknown }): ApiObject {
  return new ApiObject(scope, id, { apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1', kind, ...body });
}

describe('WorkloadSelector.of', () => {
  test('renders the labels', () => {
    const selector = WorkloadSelector.of({ app: 'ratings', version: 'v1' });
    expect(selector._toIstio()).toEqual({ labels: { app: 'ratings', version: 'v1' } });
    expect(selector.labels).toEqual({ app: 'ratings', version: 'v1' });
    expect(selector.toString()).toBe('app=ratings,version=v1');
  });

  test('keeps its own copy of the labels', () => {
    const labels: { [key: string]: string } = { app: 'ratings' };
    const selector = WorkloadSelector.of(labels);
    labels.app = 'changed';
    selector.labels.app = 'changed too';
    expect(selector.labels).toEqual({ app: 'ratings' });
  });

  test('accepts prefixed keys and empty values', () => {
    expect(WorkloadSelector.of({ 'app.kubernetes.io/name': 'ratings', 'tier': '' }).labels)
      .toEqual({ 'app.kubernetes.io/name': 'ratings', 'tier': '' });
  });

  test.each([
    ['no labels', {},
      'Invalid workload selector {}: expected at least one label, e.g. { app: "ratings" }; to apply a Sidecar to a whole namespace, omit workloadSelector'],
    ['empty key', { '': 'v1' },
      'Invalid workload selector label key "": expected a label name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, e.g. "app"'],
    ['key with a space', { 'bad key': 'x' },
      'Invalid workload selector label key "bad key": expected a label name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, e.g. "app"'],
    ['upper-case prefix', { 'Example.com/app': 'x' },
      'Invalid workload selector label key "Example.com/app": expected the prefix before "/" to be a lower-case DNS subdomain of at most 253 characters, e.g. "app.kubernetes.io/name"'],
    ['wildcard value', { app: '*' },
      'Invalid workload selector label value "*" for "app": expected at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)'],
    ['64-character value', { app: 'a'.repeat(64) },
      `Invalid workload selector label value "${'a'.repeat(64)}" for "app": expected at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value)`],
    ['non-string value', { app: 1 as unknown as string }, 'Invalid workload selector label value for "app": expected a string, got 1'],
  ])('%s', (_name, labels, message) => {
    expect(() => WorkloadSelector.of(labels)).toThrow(new Error(message));
  });
});

describe('WorkloadSelector.fromWorkload', () => {
  test('a cdk8s-plus Deployment: its selector labels', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'ratings', {
      containers: [{ image: 'ratings:v1', portNumber: 9080 }],
      podMetadata: { labels: { app: 'ratings' } },
    });
    const selector = WorkloadSelector.fromWorkload(deployment);
    expect(selector.labels).toEqual(deployment.matchLabels);
    expect(Object.keys(selector.labels)).toEqual(['cdk8s.io/metadata.addr']);
  });

  test('a cdk8s-plus Deployment without a selector: its pod template labels', () => {
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'ratings', {
      containers: [{ image: 'ratings:v1' }],
      podMetadata: { labels: { app: 'ratings' } },
      select: false,
    });
    deployment.select(kplus.LabelSelector.of({ expressions: [kplus.LabelExpression.exists('app')] }));
    expect(WorkloadSelector.fromWorkload(deployment).labels).toEqual({ 'app': 'ratings', 'cdk8s.io/metadata.addr': 'test-ratings-c81abf43' });
  });

  test('labels are read at synth time, so later changes count', () => {
    const chart = Testing.chart();
    const pod = rawWorkload(chart, 'pod', 'Pod', { metadata: { labels: { app: 'ratings' } } });
    const selector = WorkloadSelector.fromWorkload(pod);
    pod.metadata.addLabel('version', 'v2');
    expect(selector._toIstio()).toEqual({ labels: { app: 'ratings', version: 'v2' } });
  });

  test.each([
    ['Pod', { metadata: { labels: { app: 'a' } } }, { app: 'a' }],
    ['StatefulSet', { spec: { selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db', extra: 'x' } } } } }, { app: 'db' }],
    ['DaemonSet', { spec: { template: { metadata: { labels: { app: 'agent' } } } } }, { app: 'agent' }],
    ['Job', { spec: { template: { metadata: { labels: { job: 'migrate' } } } } }, { job: 'migrate' }],
    ['CronJob', { spec: { jobTemplate: { spec: { template: { metadata: { labels: { job: 'nightly' } } } } } } }, { job: 'nightly' }],
    ['Deployment with empty matchLabels', { spec: { selector: { matchLabels: {} }, template: { metadata: { labels: { app: 'w' } } } } }, { app: 'w' }],
  ])('a raw %s', (kind, body, labels) => {
    const chart = Testing.chart();
    const workload = rawWorkload(chart, 'w', kind, body);
    expect(WorkloadSelector.fromWorkload(workload).labels).toEqual(labels);
  });

  test('a wrapper construct: its child "Resource" first', () => {
    const chart = Testing.chart();
    const wrapper = new Construct(chart, 'wrapper');
    rawWorkload(chart, 'elsewhere', 'Pod', { metadata: { labels: { app: 'no' } } });
    rawWorkload(wrapper, 'Sidekick', 'Pod', { metadata: { labels: { app: 'sidekick' } } });
    rawWorkload(wrapper, 'Resource', 'Pod', { metadata: { labels: { app: 'main' } } });
    expect(WorkloadSelector.fromWorkload(wrapper).labels).toEqual({ app: 'main' });
  });

  test('a wrapper construct without "Resource": its first ApiObject', () => {
    const chart = Testing.chart();
    const wrapper = new Construct(chart, 'wrapper');
    const inner = new Construct(wrapper, 'inner');
    rawWorkload(inner, 'first', 'Pod', { metadata: { labels: { app: 'first' } } });
    rawWorkload(wrapper, 'second', 'Pod', { metadata: { labels: { app: 'second' } } });
    expect(WorkloadSelector.fromWorkload(wrapper).labels).toEqual({ app: 'first' });
  });

  test('a construct without an ApiObject: error at synth time', () => {
    const chart = Testing.chart();
    const selector = WorkloadSelector.fromWorkload(new Construct(chart, 'empty'));
    expect(() => selector._toIstio()).toThrow(new Error(
      'Cannot select the pods of "test/empty": it is not an ApiObject and contains none; pass a workload such as a Deployment or a Pod',
    ));
  });

  test('a workload without pod labels: error naming the places looked at', () => {
    const chart = Testing.chart();
    const service = new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', spec: { selector: { app: 'x' } } });
    expect(() => WorkloadSelector.fromWorkload(service).labels).toThrow(new Error(
      'Cannot select the pods of Service "test/svc": it has no pod labels at spec.selector.matchLabels, spec.template.metadata.labels, '
      + 'spec.jobTemplate.spec.template.metadata.labels (CronJob) or metadata.labels (Pod); add labels to its pods',
    ));
  });
});
