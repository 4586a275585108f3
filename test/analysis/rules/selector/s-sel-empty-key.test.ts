import { describeRule } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];

describeRule('S-SEL-EMPTY-KEY', {
  good: [
    { name: 'named keys', spec: { workloadSelector: { labels: { app: 'a', version: '' } }, egress } },
    { name: 'an empty value is allowed (it must match exactly)', spec: { workloadSelector: { labels: { tier: '' } }, egress } },
    { name: 'labels of the wrong type do not crash', spec: { workloadSelector: { labels: ['', 'a'] }, egress } },
    { name: 'a selector of the wrong type does not crash', spec: { workloadSelector: 'app=a', egress } },
  ],
  bad: [
    {
      name: 'an empty key -> error',
      spec: { workloadSelector: { labels: { '': 'v1' } }, egress },
      path: 'spec.workloadSelector.labels[""]',
      message: 'a workloadSelector label has an empty key (with the value "v1"); Istio rejects it: write the label\'s key, e.g. "app", or remove the label',
    },
    { name: 'an empty key with a non-string value -> error', spec: { workloadSelector: { labels: { '': 1 } }, egress }, message: /^a workloadSelector label has an empty key; Istio rejects it/ },
    { name: 'an empty key beside good labels -> one error', spec: { workloadSelector: { labels: { 'app': 'a', '': '' } }, egress }, count: 1 },
  ],
});
