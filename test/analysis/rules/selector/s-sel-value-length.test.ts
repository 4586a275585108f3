import { describeRule } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];
const selector = (labels: unknown) => ({ workloadSelector: { labels }, egress });

describeRule('S-SEL-VALUE-LENGTH', {
  good: [
    { name: 'a 63-character value', spec: selector({ app: 'a'.repeat(63) }) },
    { name: 'an empty value', spec: selector({ app: '' }) },
    { name: 'a long key is S-SEL-LABEL-SYNTAX\'s, not a value length', spec: selector({ ['k'.repeat(70)]: 'x' }) },
    { name: 'a non-string value is the schema rule\'s', spec: selector({ app: 10 ** 70 }) },
  ],
  bad: [
    {
      name: 'a 64-character value -> error',
      spec: selector({ app: 'a'.repeat(64) }),
      path: 'spec.workloadSelector.labels.app',
      message: `the value of workloadSelector label "app" is 64 characters long ("${'a'.repeat(64)}"), more than the 63 the Sidecar CRD allows; select on a shorter label value`,
    },
    { name: 'a long value with invalid characters is still too long -> error', spec: selector({ app: ' '.repeat(70) }), count: 1 },
    { name: 'every long value is reported', spec: selector({ a: 'x'.repeat(64), b: 'ok', c: 'y'.repeat(100) }), paths: ['spec.workloadSelector.labels.a', 'spec.workloadSelector.labels.c'] },
  ],
});
