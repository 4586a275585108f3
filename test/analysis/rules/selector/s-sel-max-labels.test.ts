import { describeRule } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];
const labels = (count: number, value: unknown = 'x') => Object.fromEntries(Array.from({ length: count }, (_, i) => [`l${i}`, value]));

describeRule('S-SEL-MAX-LABELS', {
  good: [
    { name: 'one label', spec: { workloadSelector: { labels: { app: 'a' } }, egress } },
    { name: 'exactly 256 labels', spec: { workloadSelector: { labels: labels(256) }, egress } },
    { name: 'labels of the wrong type do not crash', spec: { workloadSelector: { labels: Array(300).fill('x') }, egress } },
  ],
  bad: [
    {
      name: '257 labels -> error',
      spec: { workloadSelector: { labels: labels(257) }, egress },
      path: 'spec.workloadSelector.labels',
      message: 'workloadSelector has 257 labels, more than the 256 the Sidecar CRD allows; select on fewer labels, e.g. just "app"',
    },
    { name: 'non-string values count too -> error', spec: { workloadSelector: { labels: labels(300, 1) }, egress }, count: 1 },
  ],
});
