import { Severity } from '../../../../src/analysis/finding';
import { deploymentManifest, namespaceManifest, selectorSidecar } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const at = (creationTimestamp: string) => ({ metadata: { creationTimestamp } });
/** Two selectors a pod labelled app=ratings, tier=backend carries both of. */
const APP_AND_TIER = [selectorSidecar('prod', 'by-app', { app: 'ratings' }), selectorSidecar('prod', 'by-tier', { tier: 'backend' })];

describeRule('X-SELECTOR-POTENTIAL-OVERLAP', {
  good: [
    {
      name: 'the same key with different values: exclusive',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), selectorSidecar('prod', 'reviews', { app: 'reviews' })],
    },
    {
      name: 'selectors that share a label but differ on another key are exclusive',
      manifests: [selectorSidecar('prod', 'v1', { app: 'a', version: 'v1' }), selectorSidecar('prod', 'v2', { app: 'a', version: 'v2' })],
    },
    {
      name: 'identical selectors in different namespaces never compete',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), selectorSidecar('test', 'ratings', { app: 'ratings' })],
    },
    {
      name: 'a pair a workload shows is X-WORKLOAD-MULTIPLE-SELECTORS\' error, not a potential one',
      manifests: [
        ...APP_AND_TIER,
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }),
      ],
    },
    {
      name: 'a pair only an ambient pod shows is left to X-AMBIENT-INEFFECTIVE',
      manifests: [
        ...APP_AND_TIER,
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'backend' }, { 'ambient.istio.io/redirection': 'enabled' }),
      ],
    },
    {
      name: 'two copies of one Sidecar (two charts) are X-DUPLICATE-OBJECT\'s: the cluster keeps one',
      manifests: [selectorSidecar('prod', 'ratings', { app: 'ratings' }), selectorSidecar('prod', 'ratings', { app: 'ratings' })],
    },
    {
      name: 'overlapping selectors in an ambient namespace configure no proxy',
      manifests: [namespaceManifest('prod', { 'istio.io/dataplane-mode': 'ambient' }), selectorSidecar('prod', 'a', { app: 'ratings' }), selectorSidecar('prod', 'b', { app: 'ratings' })],
    },
  ],
  bad: [
    {
      name: 'merely compatible selectors (app=a, tier=web) and no workload -> one warning, on the one istiod would ignore',
      manifests: [selectorSidecar('prod', 'by-app', { app: 'a' }), selectorSidecar('prod', 'by-tier', { tier: 'web' })],
      count: 1,
      severity: Severity.WARNING,
      subjects: ['by-tier'],
      related: ['by-app'],
      path: 'spec.workloadSelector',
      message: 'this Sidecar\'s workloadSelector "tier=web" and Sidecar "by-app"\'s ("app=a") can select the same pod (one carrying all of those labels); '
        + 'no workload in the input has such pods yet, but for such a pod Sidecar "by-app" comes first in istiod\'s order (oldest, then smallest name) and this Sidecar is ignored; '
        + 'make the selectors exclusive, e.g. with different values of the same label key',
    },
    {
      name: 'identical selectors without a matching workload -> a warning, not an error',
      manifests: [selectorSidecar('prod', 'ratings-2', { app: 'ratings' }), selectorSidecar('prod', 'ratings', { app: 'ratings' })],
      count: 1,
      severity: Severity.WARNING,
      subjects: ['ratings-2'],
      message: 'this Sidecar\'s workloadSelector "app=ratings" is the same as Sidecar "ratings"\'s; no workload in the input has such pods yet, but Sidecar "ratings" comes first in istiod\'s order '
        + '(oldest, then smallest name), so this Sidecar would never apply to any pod; keep one of the two Sidecars',
    },
    {
      name: 'an older broader selector would hide a newer specific one -> warning',
      manifests: [
        selectorSidecar('prod', 'broad', { app: 'ratings' }, at('2025-01-01T00:00:00Z')),
        selectorSidecar('prod', 'specific', { app: 'ratings', version: 'v1' }, at('2026-01-01T00:00:00Z')),
      ],
      severity: Severity.WARNING,
      subjects: ['specific'],
      message: /^every pod this Sidecar's workloadSelector "app=ratings,version=v1" selects is also selected by Sidecar "broad" \("app=ratings"\); .* would never apply to any pod/,
    },
    {
      name: 'a newer broader selector would lose the pods of an older specific one -> warning',
      manifests: [
        selectorSidecar('prod', 'specific', { app: 'ratings', version: 'v1' }, at('2025-01-01T00:00:00Z')),
        selectorSidecar('prod', 'broad', { app: 'ratings' }, at('2026-01-01T00:00:00Z')),
      ],
      severity: Severity.WARNING,
      subjects: ['broad'],
      message: /^this Sidecar's workloadSelector "app=ratings" also selects every pod that Sidecar "specific" selects/,
    },
    {
      name: 'selectors sharing two labels and adding different keys -> reported once for the pair, not once per label',
      manifests: [
        selectorSidecar('prod', 'a', { app: 'ratings', tier: 'web', version: 'v1' }),
        selectorSidecar('prod', 'b', { app: 'ratings', tier: 'web', team: 'red' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', tier: 'web', version: 'v2', team: 'blue' }),
      ],
      count: 1,
      severity: Severity.WARNING,
    },
    {
      name: 'a selector matching no pod, beside one that matches a workload -> a warning only',
      manifests: [
        selectorSidecar('prod', 'by-app', { app: 'ratings' }),
        selectorSidecar('prod', 'by-app-v9', { app: 'ratings', version: 'v9' }),
        deploymentManifest('prod', 'ratings', { app: 'ratings', version: 'v1' }),
      ],
      count: 1,
      severity: Severity.WARNING,
      subjects: ['by-app-v9'],
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
