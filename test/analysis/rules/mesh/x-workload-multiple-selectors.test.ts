import { Severity } from '../../../../src/analysis/finding';
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
    { name: 'a selector of the wrong type is left to the schema rules', manifests: [selectorSidecar('prod', 'a', { app: 'ratings' }), meshSidecar('prod', 'b', { labels: 'app=ratings' })] },
  ],
  bad: [
    {
      name: 'two selectors matching one pod (app=ratings-app, myapp=ratings-myapp) -> one error on the winner',
      manifests: [
        selectorSidecar('prod', 'by-myapp', { myapp: 'ratings-myapp' }),
        selectorSidecar('prod', 'by-app', { app: 'ratings-app' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings-app', myapp: 'ratings-myapp' }),
      ],
      count: 1,
      severity: Severity.ERROR,
      subjects: ['by-app'],
      related: ['by-myapp'],
      path: 'spec.workloadSelector',
      message: 'Sidecars "by-app" and "by-myapp" in namespace "prod" both select the pods of Deployment "ratings": istiod applies only "by-app" (the oldest, then smallest name) '
        + 'and ignores "by-myapp" for them (Istio calls this undefined behaviour); make the workloadSelectors exclusive or merge the Sidecars into one',
    },
    {
      name: 'the same pair on two workloads -> one error naming both',
      manifests: [
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        selectorSidecar('prod', 'b', { team: 'red' }),
        deploymentManifest('prod', 'ratings-v1', { app: 'ratings', team: 'red', version: 'v1' }),
        deploymentManifest('prod', 'ratings-v2', { app: 'ratings', team: 'red', version: 'v2' }),
      ],
      count: 1,
      message: /select the pods of Deployment "ratings-v1" and Deployment "ratings-v2":/,
    },
    {
      name: 'three Sidecars on one pod -> one error naming all three',
      manifests: [
        selectorSidecar('prod', 'c', { team: 'red' }),
        selectorSidecar('prod', 'b', { tier: 'backend' }),
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', team: 'red', tier: 'backend' }),
      ],
      count: 1,
      subjects: ['a'],
      related: ['b', 'c'],
    },
    {
      name: 'the oldest creationTimestamp wins, not the most specific selector',
      manifests: [
        selectorSidecar('prod', 'specific', { app: 'ratings', version: 'v1' }, at('2026-01-01T00:00:00Z')),
        selectorSidecar('prod', 'broad', { app: 'ratings' }, at('2025-01-01T00:00:00Z')),
        deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' }),
      ],
      subjects: ['broad'],
      message: /istiod applies only "broad"/,
    },
    {
      name: 'an older empty selector beats both',
      manifests: [
        meshSidecar('prod', 'all', {}, at('2024-01-01T00:00:00Z')),
        selectorSidecar('prod', 'a', { app: 'ratings' }),
        selectorSidecar('prod', 'b', { team: 'red' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', team: 'red' }),
      ],
      message: /istiod applies only "all" \(an older Sidecar with an empty workloadSelector\) and ignores all of them/,
    },
    {
      name: 'identical selectors without a matching workload -> error on the newer',
      manifests: [selectorSidecar('prod', 'ratings-2', { app: 'ratings' }), selectorSidecar('prod', 'ratings', { app: 'ratings' })],
      count: 1,
      severity: Severity.ERROR,
      subjects: ['ratings-2'],
      related: ['ratings'],
      message: 'this Sidecar\'s workloadSelector "app=ratings" is the same as Sidecar "ratings"\'s; Sidecar "ratings" comes first in istiod\'s order (oldest, then smallest name), '
        + 'so this Sidecar never applies to any pod; keep one of the two Sidecars',
    },
    {
      name: 'an older broader selector hides a newer specific one -> error',
      manifests: [
        selectorSidecar('prod', 'broad', { app: 'ratings' }, at('2025-01-01T00:00:00Z')),
        selectorSidecar('prod', 'specific', { app: 'ratings', version: 'v1' }, at('2026-01-01T00:00:00Z')),
      ],
      severity: Severity.ERROR,
      subjects: ['specific'],
      message: /^every pod this Sidecar's workloadSelector "app=ratings,version=v1" selects is also selected by Sidecar "broad" \("app=ratings"\); .* never applies to any pod/,
    },
    {
      name: 'a newer broader selector loses the pods of an older specific one -> error',
      manifests: [
        selectorSidecar('prod', 'specific', { app: 'ratings', version: 'v1' }, at('2025-01-01T00:00:00Z')),
        selectorSidecar('prod', 'broad', { app: 'ratings' }, at('2026-01-01T00:00:00Z')),
      ],
      severity: Severity.ERROR,
      subjects: ['broad'],
      message: /^this Sidecar's workloadSelector "app=ratings" also selects every pod that Sidecar "specific" selects/,
    },
    {
      name: 'merely compatible selectors (app=a, tier=web) -> warning',
      manifests: [selectorSidecar('prod', 'by-app', { app: 'a' }), selectorSidecar('prod', 'by-tier', { tier: 'web' })],
      count: 1,
      severity: Severity.WARNING,
      subjects: ['by-tier'],
      message: /^this Sidecar's workloadSelector "tier=web" and Sidecar "by-app"'s \("app=a"\) can select the same pod/,
    },
    {
      name: 'compatible selectors that share a label and add different keys -> warning',
      manifests: [
        selectorSidecar('prod', 'a', { app: 'ratings', version: 'v1' }),
        selectorSidecar('prod', 'b', { app: 'ratings', team: 'red' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v2', team: 'blue' }),
      ],
      severity: Severity.WARNING,
    },
    {
      name: 'workloads that each match one of two compatible selectors do not hide the overlap -> warning',
      manifests: [
        selectorSidecar('prod', 'by-app', { app: 'a' }),
        selectorSidecar('prod', 'by-tier', { tier: 'web' }),
        deploymentManifest('prod', 'a', { app: 'a', tier: 'backend' }),
        deploymentManifest('prod', 'web', { app: 'web', tier: 'web' }),
      ],
      count: 1,
      severity: Severity.WARNING,
    },
    {
      name: 'every overlapping pair of many selectors, and only those',
      manifests: [
        selectorSidecar('prod', 's1', { app: 'a' }),
        selectorSidecar('prod', 's2', { app: 'b' }),
        selectorSidecar('prod', 's3', { app: 'a', version: 'v1' }),
        selectorSidecar('prod', 's4', { app: 'b', version: 'v1' }),
        selectorSidecar('prod', 's5', { app: 'a', version: 'v2' }),
      ],
      // s3 and s5 under s1, s4 under s2
      count: 3,
      subjects: ['s3', 's4', 's5'],
    },
  ],
});
