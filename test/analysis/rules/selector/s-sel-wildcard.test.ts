import { describeRule } from '../../rule-cases';

const egress = [{ hosts: ['./*'] }];
const selector = (labels: unknown) => ({ workloadSelector: { labels }, egress });

describeRule('S-SEL-WILDCARD', {
  good: [
    { name: 'exact labels', spec: selector({ 'app': 'ratings', 'app.kubernetes.io/name': 'ratings' }) },
    { name: 'a non-string value is the schema rule\'s', spec: selector({ app: 1 }) },
    { name: 'egress hosts may use "*"; only the selector may not', spec: { workloadSelector: { labels: { app: 'a' } }, egress: [{ hosts: ['*/*'] }] } },
  ],
  bad: [
    {
      name: 'a "*" value -> error',
      spec: selector({ app: '*' }),
      path: 'spec.workloadSelector.labels.app',
      message: 'workloadSelector label "app": "*" is invalid: its value contains "*", but selectors match labels exactly; write the exact label, or remove workloadSelector to select every workload of the namespace',
    },
    { name: 'a "*" in the key -> error', spec: selector({ 'app*': 'x' }), path: 'spec.workloadSelector.labels["app*"]', message: /its key contains "\*"/ },
    { name: 'a partial wildcard value -> error', spec: selector({ version: 'v1-*' }), count: 1 },
    { name: 'both key and value -> one error', spec: selector({ '*': '*' }), count: 1, message: /its key and value contain "\*"/ },
    { name: 'a "*" key with a non-string value -> error', spec: selector({ '*': 5 }), message: /^workloadSelector label "\*" is invalid: its key contains/ },
    { name: 'every wildcard label is reported', spec: selector({ a: '*', b: 'ok', c: 'x*' }), paths: ['spec.workloadSelector.labels.a', 'spec.workloadSelector.labels.c'] },
  ],
});
