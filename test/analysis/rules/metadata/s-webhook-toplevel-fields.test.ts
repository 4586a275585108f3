import { describeRule, sidecarManifest } from '../../rule-cases';

const base = sidecarManifest({ egress: [{ hosts: ['./*'] }] });

describeRule('S-WEBHOOK-TOPLEVEL-FIELDS', {
  good: [
    { name: 'apiVersion, kind, metadata and spec', manifests: [base] },
    { name: 'status is allowed too', manifests: [{ ...base, status: { conditions: [] } }] },
  ],
  bad: [
    {
      name: 'spec fields indented one level too little -> error',
      manifests: [{ ...base, egress: [{ hosts: ['istio-system/*'] }] }],
      path: 'egress',
      message: 'unknown top-level field "egress": Istio rejects a Sidecar with top-level fields other than apiVersion, kind, metadata, spec and status; move it under spec or metadata, or remove it',
    },
    {
      name: 'a misspelt spec -> error with a suggestion',
      manifests: [{ ...base, specs: {} }],
      message: 'unknown top-level field "specs": Istio rejects a Sidecar with top-level fields other than apiVersion, kind, metadata, spec and status; did you mean "spec"?',
    },
    { name: 'every unknown field is reported', manifests: [{ ...base, 'foo': 1, 'x-bar': null }], paths: ['foo', '["x-bar"]'] },
  ],
});
