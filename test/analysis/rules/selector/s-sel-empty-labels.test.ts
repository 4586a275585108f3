import { describeRule } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];

describeRule('S-SEL-EMPTY-LABELS', {
  good: [
    { name: 'a selector with labels', spec: { workloadSelector: { labels: { app: 'a' } }, egress } },
    { name: 'no selector at all (the namespace-wide Sidecar)', spec: { egress } },
    { name: 'a null selector counts as none', spec: { workloadSelector: null, egress } },
    { name: 'labels of the wrong type are the schema rule\'s', spec: { workloadSelector: { labels: [] }, egress } },
    { name: 'a selector of the wrong type is the schema rule\'s', spec: { workloadSelector: 'app=a', egress } },
  ],
  bad: [
    {
      name: 'workloadSelector: {} -> warning',
      spec: { workloadSelector: {}, egress },
      path: 'spec.workloadSelector',
      message: 'workloadSelector has no labels, so this Sidecar applies to every workload of its namespace and, unlike a Sidecar without workloadSelector, takes precedence over the namespace default; add labels to select workloads, or remove workloadSelector',
    },
    { name: 'labels: {} -> warning', spec: { workloadSelector: { labels: {} }, egress }, count: 1 },
    { name: 'labels: null -> warning', spec: { workloadSelector: { labels: null }, egress } },
  ],
});
