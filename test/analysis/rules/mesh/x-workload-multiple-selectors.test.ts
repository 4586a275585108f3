import { analyze } from '../../../../src/analysis/engine';
import { Severity } from '../../../../src/analysis/finding';
import { workloadMultipleSelectors } from '../../../../src/analysis/rules/mesh/x-workload-multiple-selectors';
import { deploymentManifest, meshSidecar, namespaceManifest, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const AMBIENT = { 'ambient.istio.io/redirection': 'enabled' };
const at = (creationTimestamp: string) => ({ metadata: { creationTimestamp } });

describeRule('X-WORKLOAD-MULTIPLE-SELECTORS', {
  good: [
    {
      name: 'two Sidecars whose selectors match only a gateway pod: gateways read no Sidecar',
      manifests: [
        selectorSidecar('prod', 'by-istio-label', { istio: 'ingressgateway' }),
        selectorSidecar('prod', 'by-app', { app: 'gateway' }),
        deploymentManifest('prod', 'ingressgateway', { istio: 'ingressgateway', app: 'gateway' }),
      ],
    },
    {
      name: 'one Sidecar per workload, the same key with different values',
      manifests: [
        selectorSidecar('prod', 'ratings', { app: 'ratings' }),
        selectorSidecar('prod', 'reviews', { app: 'reviews' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
        deploymentManifest('prod', 'reviews', { app: 'reviews', tier: 'backend' }),
      ],
    },
    {
      name: 'selectors that share a label but differ on another key are exclusive',
      manifests: [selectorSidecar('prod', 'v1', { app: 'a', version: 'v1' }), selectorSidecar('prod', 'v2', { app: 'a', version: 'v2' })],
    },
    {
      name: 'identical selectors in different namespaces never compete',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), selectorSidecar('test', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
    },
    {
      name: 'a namespace-wide Sidecar and a selector Sidecar do not compete',
      manifests: [meshSidecar('prod', 'default'), selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
    },
    {
      name: 'an empty selector is left to X-EMPTY-SELECTOR-PRECEDENCE',
      manifests: [meshSidecar('prod', 'all', {}), selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
    },
    {
      name: 'an ambient pod selected twice is left to X-AMBIENT-INEFFECTIVE',
      manifests: [
        selectorSidecar('prod', 'by-app', { app: 'ratings' }),
        selectorSidecar('prod', 'by-tier', { tier: 'backend' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }, AMBIENT),
      ],
    },
    {
      name: 'overlapping selectors in an ambient namespace',
      manifests: [namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient' }), selectorSidecar('prod', 'a', { app: 'ratings' }), selectorSidecar('prod', 'b', { app: 'ratings' })],
    },
    {
      name: 'identical selectors and no workload: a hypothetical conflict is X-SELECTOR-POTENTIAL-OVERLAP, never an error',
      manifests: [selectorSidecar('prod', 'ratings-2', { app: 'ratings' }), selectorSidecar('prod', 'ratings', { app: 'ratings' })],
    },
    {
      name: 'a selector that matches no pod gets no error for overlapping one that does',
      manifests: [
        selectorSidecar('prod', 'by-app', { app: 'ratings' }),
        selectorSidecar('prod', 'by-app-v9', { app: 'ratings', version: 'v9' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' }),
      ],
    },
    {
      name: 'two Sidecars each selecting its own workload (details and reviews)',
      manifests: [
        selectorSidecar('bookinfo', 'sidecar1', { app: 'reviews' }),
        selectorSidecar('bookinfo', 'sidecar2', { app: 'details' }),
        deploymentManifest('bookinfo', 'details-v1', { app: 'details', version: 'v1' }),
        deploymentManifest('bookinfo', 'reviews-v1', { app: 'reviews', version: 'v1' }),
      ],
    },
    {
      name: 'two Sidecars of one namespace matching a pod only in another namespace: a Sidecar selects its own namespace only',
      manifests: [
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        selectorSidecar('prod', 'b', { tier: 'backend' }),
        deploymentManifest('test', 'ratings', { app: 'ratings', tier: 'backend' }),
      ],
    },
    {
      name: 'two copies of one Sidecar (two charts) on one pod are X-DUPLICATE-OBJECT\'s: the cluster keeps one',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), selectorSidecar('prod', 'ratings', { app: 'ratings' }), deploymentManifest('prod', 'ratings', { app: 'ratings' })],
    },
    { name: 'a selector of the wrong type is left to the schema rules', manifests: [selectorSidecar('prod', 'a', { app: 'ratings' }), meshSidecar('prod', 'b', { labels: 'app=ratings' })] },
  ],
  bad: [
    {
      // istioctl analyze's "overlap" case: different selectors, one existing pod.
      name: 'two selectors matching one pod (app=ratings-app, myapp=ratings-myapp) -> one error on each; the kept one says what it shadows',
      manifests: [
        selectorSidecar('prod', 'by-myapp', { myapp: 'ratings-myapp' }),
        selectorSidecar('prod', 'by-app', { app: 'ratings-app' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings-app', myapp: 'ratings-myapp' }),
      ],
      count: 2,
      severity: Severity.ERROR,
      subjects: ['by-myapp', 'by-app'],
      related: ['by-myapp'],
      paths: ['spec.workloadSelector', 'spec.workloadSelector'],
      message: 'Sidecars "by-app" and "by-myapp" in namespace "prod" both select the pods of Deployment "ratings": istiod applies this one (the oldest, then smallest name) '
        + 'and ignores "by-myapp" for them (Istio calls this undefined behaviour); make the workloadSelectors exclusive or merge the Sidecars into one',
    },
    {
      name: 'the ignored one of a pair says it is ignored and which one wins',
      manifests: [
        selectorSidecar('prod', 'by-myapp', { myapp: 'ratings-myapp' }),
        selectorSidecar('prod', 'by-app', { app: 'ratings-app' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings-app', myapp: 'ratings-myapp' }),
      ],
      related: ['by-app'],
      message: 'Sidecars "by-app" and "by-myapp" in namespace "prod" both select the pods of Deployment "ratings": istiod ignores this one for them and applies "by-app" (the oldest, then smallest name) '
        + '(Istio calls this undefined behaviour); make the workloadSelectors exclusive or merge the Sidecars into one',
    },
    {
      // istioctl analyze's "dupe" case.
      name: 'identical selectors and a pod they both select -> one error on each',
      manifests: [selectorSidecar('prod', 'dupe-1', { app: 'reviews' }), selectorSidecar('prod', 'dupe-2', { app: 'reviews' }), deploymentManifest('prod', 'reviews', { app: 'reviews' })],
      count: 2,
      subjects: ['dupe-1', 'dupe-2'],
      severity: Severity.ERROR,
    },
    {
      name: 'the same pair on two workloads -> one error on each Sidecar, naming both workloads',
      manifests: [
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        selectorSidecar('prod', 'b', { team: 'red' }),
        deploymentManifest('prod', 'ratings-v1', { app: 'ratings', team: 'red', version: 'v1' }),
        deploymentManifest('prod', 'ratings-v2', { app: 'ratings', team: 'red', version: 'v2' }),
      ],
      count: 2,
      message: /select the pods of Deployment "ratings-v1" and Deployment "ratings-v2":/,
    },
    {
      // Kiali's "two Sidecars targeting one deployment": sidecar2 selects nothing and is not flagged.
      name: 'three of four Sidecars select details-v1 -> one error on each of the three, naming the other two',
      manifests: [
        selectorSidecar('bookinfo', 'sidecar1', { app: 'details', version: 'v1' }),
        selectorSidecar('bookinfo', 'sidecar2', { app: 'reviews', version: 'v1' }),
        selectorSidecar('bookinfo', 'sidecar3', { app: 'details' }),
        selectorSidecar('bookinfo', 'sidecar4', { version: 'v1' }),
        deploymentManifest('bookinfo', 'details-v1', { app: 'details', version: 'v1' }),
        deploymentManifest('bookinfo', 'details-v2', { app: 'details', version: 'v2' }),
        deploymentManifest('bookinfo', 'details-v3', { app: 'details', version: 'v3' }),
      ],
      count: 3,
      subjects: ['sidecar1', 'sidecar3', 'sidecar4'],
      related: ['sidecar3', 'sidecar4'],
      message: /^Sidecars "sidecar1", "sidecar3" and "sidecar4" in namespace "bookinfo" all select the pods of Deployment "details-v1": istiod applies this one/,
    },
    {
      name: 'a and b share one pod, b and c another -> a one error, b two, c one',
      manifests: [
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        selectorSidecar('prod', 'b', { tier: 'backend' }),
        selectorSidecar('prod', 'c', { team: 'red' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
        deploymentManifest('prod', 'reviews', { app: 'reviews', tier: 'backend', team: 'red' }),
      ],
      count: 4,
      subjects: ['a', 'b', 'b', 'c'],
      related: ['b'],
    },
    {
      // Kiali's "Sidecars across namespaces": each pair is flagged, references stay in the namespace.
      name: 'the same pair in two namespaces, each with its pod -> one error on each of the four, naming only its own namespace\'s other',
      manifests: [
        selectorSidecar('bookinfo', 'sidecar1', { app: 'details', version: 'v1' }),
        selectorSidecar('bookinfo', 'sidecar2', { app: 'details', version: 'v1' }),
        selectorSidecar('bookinfo2', 'sidecar3', { app: 'details', version: 'v1' }),
        selectorSidecar('bookinfo2', 'sidecar4', { app: 'details', version: 'v1' }),
        deploymentManifest('bookinfo', 'details-v1', { app: 'details', version: 'v1' }),
        deploymentManifest('bookinfo2', 'details-v1', { app: 'details', version: 'v1' }),
      ],
      count: 4,
      subjects: ['sidecar1', 'sidecar2', 'sidecar3', 'sidecar4'],
      related: ['sidecar4'],
    },
    {
      name: 'the oldest creationTimestamp wins, not the most specific selector',
      manifests: [
        selectorSidecar('prod', 'specific', { app: 'ratings', version: 'v1' }, at('2026-01-01T00:00:00Z')),
        selectorSidecar('prod', 'broad', { app: 'ratings' }, at('2025-01-01T00:00:00Z')),
        deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' }),
      ],
      subjects: ['specific', 'broad'],
      message: /istiod ignores this one for them and applies "broad"/,
    },
    {
      name: 'an older empty selector beats both, and each says so',
      manifests: [
        meshSidecar('prod', 'all', {}, at('2024-01-01T00:00:00Z')),
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        selectorSidecar('prod', 'b', { team: 'red' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', team: 'red' }),
      ],
      count: 2,
      subjects: ['a', 'b'],
      message: /istiod applies only "all" \(an older Sidecar with an empty workloadSelector\) and ignores all of them/,
    },
    {
      name: 'two copies of "ratings" and another on one pod: the copies are named by where they come from, never "ratings" and "ratings"',
      manifests: [
        selectorSidecar('prod', 'ratings', { app: 'ratings' }),
        selectorSidecar('prod', 'ratings', { app: 'ratings' }),
        selectorSidecar('prod', 'tier', { tier: 'backend' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
      ],
      count: 3,
      message: /^Sidecars "ratings" \(at [^)]+\), "ratings" \(at [^)]+\) and "tier" in namespace "prod" all select/,
    },
  ],
});

describe('X-WORKLOAD-MULTIPLE-SELECTORS suppressions', () => {
  test('a suppression on one Sidecar of the pair silences only its own finding', () => {
    const manifests = [selectorSidecar('prod', 'a', { app: 'ratings' }), selectorSidecar('prod', 'b', { tier: 'backend' }), deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' })];
    const entries = manifests.map((manifest, i) => ({
      manifest,
      location: `case/${i}`,
      ...(i === 0 ? { suppressions: [{ ruleId: 'X-WORKLOAD-MULTIPLE-SELECTORS', reason: 'b is removed in the next release' }] } : {}),
    }));
    const findings = analyze(entries, { rules: [workloadMultipleSelectors] });
    expect(findings.map((f) => [f.resource.name, f.suppressedReason])).toEqual([['a', 'b is removed in the next release'], ['b', undefined]]);
  });
});
