import { describeRule, sidecarManifest } from '../../rule-cases';

const spec = { egress: [{ hosts: ['./*'] }] };
const annotated = (annotations: unknown) => [sidecarManifest(spec, { annotations })];

describeRule('S-META-RESERVED-ANNOTATION', {
  good: [
    { name: 'no annotations', spec },
    { name: 'ordinary annotations', manifests: annotated({ 'team.example.com/owner': 'payments', 'sidecar.istio.io/inject': 'true' }) },
    { name: 'an annotation that only resembles a reserved one', manifests: annotated({ 'istio.io/dry-run-note': 'x', 'internal.istio.io/other': 'x' }) },
    { name: 'annotations of the wrong type do not crash', manifests: annotated(['istio.io/dry-run']) },
    { name: 'metadata of the wrong type does not crash', manifests: [{ ...sidecarManifest(spec), metadata: 'x' }] },
  ],
  bad: [
    {
      name: 'istio.io/dry-run on a Sidecar -> error',
      manifests: annotated({ 'istio.io/dry-run': 'true' }),
      path: 'metadata.annotations["istio.io/dry-run"]',
      message: 'the annotation "istio.io/dry-run" is only supported on AuthorizationPolicy, and Istio rejects a Sidecar that carries it; remove it',
    },
    { name: 'dry-run with an empty value still counts -> error', manifests: annotated({ 'istio.io/dry-run': '' }), count: 1 },
    {
      name: 'internal annotations -> one error each',
      manifests: annotated({
        'internal.istio.io/webhook-always-reject': 'x', 'internal.istio.io/parents': 'x', 'internal.istio.io/parent-namespace': 'x',
      }),
      paths: [
        'metadata.annotations["internal.istio.io/webhook-always-reject"]',
        'metadata.annotations["internal.istio.io/parents"]',
        'metadata.annotations["internal.istio.io/parent-namespace"]',
      ],
      message: 'the annotation "internal.istio.io/parents" is reserved for Istio\'s internal use, and Istio rejects a Sidecar that sets it; remove it',
    },
  ],
});
