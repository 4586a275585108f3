import { describeRule } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];
const selector = (labels: unknown) => ({ workloadSelector: { labels }, egress });

describeRule('S-SEL-LABEL-SYNTAX', {
  good: [
    { name: 'plain and prefixed keys', spec: selector({ 'app': 'ratings', 'app.kubernetes.io/name': 'ratings', 'Tier_1': 'Web.v2', 'empty': '' }) },
    { name: 'an empty key is S-SEL-EMPTY-KEY\'s', spec: selector({ '': 'v1' }) },
    { name: 'wildcards are S-SEL-WILDCARD\'s', spec: selector({ 'app*': 'x', 'b': '*', 'c': 'bad value*' }) },
    { name: 'a value that is only too long is S-SEL-VALUE-LENGTH\'s', spec: selector({ app: 'a'.repeat(64) }) },
    { name: 'a non-string value is the schema rule\'s', spec: selector({ app: true }) },
  ],
  bad: [
    {
      name: 'a key with a space -> error',
      spec: selector({ 'bad key': 'x' }),
      path: 'spec.workloadSelector.labels["bad key"]',
      message: 'workloadSelector label key "bad key" is invalid: expected a label name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit, e.g. "app"; Kubernetes accepts no such label on a pod, so the selector can never match',
    },
    {
      name: 'a value with a space -> error',
      spec: selector({ app: 'my app' }),
      message: 'workloadSelector label "app" has the invalid value "my app": expected letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty value); Kubernetes accepts no such label on a pod, so the selector can never match',
    },
    { name: 'an upper-case prefix -> error', spec: selector({ 'Example.com/app': 'x' }), message: /lower-case DNS subdomain/ },
    { name: 'a key name longer than 63 characters -> error', spec: selector({ ['k'.repeat(64)]: 'x' }), count: 1 },
    { name: 'a bad key with a non-string value -> error', spec: selector({ 'a b': 1 }), count: 1 },
    { name: 'a long value with a bad character -> error (its length is reported elsewhere)', spec: selector({ app: `${'a'.repeat(70)}!` }), count: 1 },
    { name: 'bad key and bad value -> two errors', spec: selector({ 'a b': 'c d' }), count: 2 },
    { name: 'every bad label is reported', spec: selector({ 'x y': 'ok', 'ok': '-v', 'fine': 'v1' }), paths: ['spec.workloadSelector.labels["x y"]', 'spec.workloadSelector.labels.ok'] },
  ],
});
