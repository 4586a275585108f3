import { analyze } from '../../../../src/analysis/engine';
import { SUPPRESS_ANNOTATION } from '../../../../src/analysis/suppression-annotation';
import { describeRule, sidecarManifest } from '../../rule-cases';

const annotated = (value: string) =>
  [sidecarManifest({ egress: [{ hosts: ['./*'] }] }, { name: 'legacy', annotations: { [SUPPRESS_ANNOTATION]: value } })];

describeRule('S-SUPPRESS-ANNOTATION', {
  good: [
    { name: 'no annotation', manifests: [sidecarManifest({ egress: [{ hosts: ['./*'] }] })] },
    { name: 'known rule ids with reasons', manifests: annotated('{"S-NAME-DEFAULT": "legacy name kept until the namespace migrates"}') },
    { name: 'an empty object suppresses nothing, and says so plainly', manifests: annotated('{}') },
    {
      name: 'an object of a kind no front door judges (a ConfigMap) is not read',
      manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'prod', annotations: { [SUPPRESS_ANNOTATION]: 'not json' } } }],
    },
  ],
  bad: [
    {
      name: 'an unknown rule id -> error',
      manifests: annotated('{"S-NO-SUCH-RULE": "we know what we are doing"}'),
      path: 'metadata.annotations["cdk8s-istio-sidecar.io/suppress"]',
      message: 'the cdk8s-istio-sidecar.io/suppress annotation suppresses "S-NO-SUCH-RULE", which is not a rule; use an id from docs/RULES.md',
    },
    { name: 'not JSON -> error', manifests: annotated('S-NAME-DEFAULT: legacy'), message: /cannot be read: it is not JSON; write it as \{"<RULE-ID>"/ },
    { name: 'a JSON list -> error', manifests: annotated('["S-NAME-DEFAULT"]'), message: /it is not a JSON object/ },
    { name: 'a short reason -> error', manifests: annotated('{"S-NAME-DEFAULT": "legacy"}'), message: /the reason for "S-NAME-DEFAULT" is not a text of at least 10 characters/ },
  ],
});

test('the annotation suppresses the rules it names, through the engine', () => {
  const findings = analyze(annotated('{"S-NAME-DEFAULT": "legacy name kept until the namespace migrates"}').map((manifest) => ({ manifest })));
  const nameDefault = findings.filter((f) => f.ruleId === 'S-NAME-DEFAULT');
  expect(nameDefault).toHaveLength(1);
  expect(nameDefault[0].suppressedReason).toBe('legacy name kept until the namespace migrates');
});
