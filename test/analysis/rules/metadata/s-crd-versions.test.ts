import { Severity } from '../../../../src/analysis/finding';
import { findRule } from '../../../../src/analysis/rules';
import { describeRule, findingsOf, sidecarManifest } from '../../rule-cases';

const sidecar = (apiVersion: unknown) => ({ ...sidecarManifest({ egress: [{ hosts: ['./*'] }] }), apiVersion });

describeRule('S-CRD-VERSIONS', {
  good: [
    { name: 'networking.istio.io/v1', manifests: [sidecar('networking.istio.io/v1')] },
    { name: 'a Sidecar of another API group is someone else\'s kind', manifests: [sidecar('example.com/v1')] },
    { name: 'other Istio kinds are not checked', manifests: [{ apiVersion: 'networking.istio.io/v2', kind: 'Gateway', metadata: { name: 'g' } }] },
  ],
  bad: [
    {
      name: 'a version the CRD does not serve -> error',
      manifests: [sidecar('networking.istio.io/v2')],
      path: 'apiVersion',
      message: 'a Sidecar with apiVersion "networking.istio.io/v2" is refused: the Sidecar CRD serves only "networking.istio.io/v1", "networking.istio.io/v1beta1" and "networking.istio.io/v1alpha3"; set apiVersion to "networking.istio.io/v1"',
    },
    {
      name: 'v1beta1 works but v1 is preferred -> info',
      manifests: [sidecar('networking.istio.io/v1beta1')],
      message: 'apiVersion "networking.istio.io/v1beta1" still works (the CRD serves it with the same schema), but "networking.istio.io/v1" is the stored version; prefer "networking.istio.io/v1"',
    },
    { name: 'v1alpha3 -> info', manifests: [sidecar('networking.istio.io/v1alpha3')], count: 1 },
    { name: 'the group without a version -> error', manifests: [sidecar('networking.istio.io')], message: /apiVersion "networking.istio.io" is refused/ },
    { name: 'no apiVersion at all -> error', manifests: [sidecar(undefined)], message: /^a Sidecar with no apiVersion is refused/ },
    { name: 'an apiVersion that is not a string -> error', manifests: [sidecar(1)], message: /^a Sidecar with apiVersion 1 is refused/ },
    { name: 'every Sidecar is checked', manifests: [sidecar('networking.istio.io/v1'), sidecar('networking.istio.io/V1'), sidecar('networking.istio.io/v1beta2')], count: 2 },
  ],
});

describe('S-CRD-VERSIONS severities', () => {
  const rule = findRule('S-CRD-VERSIONS')!;
  test.each([
    ['networking.istio.io/v1beta1', Severity.INFO],
    ['networking.istio.io/v1alpha3', Severity.INFO],
    ['networking.istio.io/v2', Severity.ERROR],
  ])('%s -> %s', (apiVersion, severity) => {
    expect(findingsOf(rule, { name: apiVersion, manifests: [sidecar(apiVersion)] }).map((f) => f.severity)).toEqual([severity]);
  });
});
