import { MESH_DEFAULT, service, sidecar, workload } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

const NS_DEFAULT = sidecar('prod', 'default', { egress: [{ hosts: ['./*', 'istio-system/*'] }] });
const REVIEWS = service('bookinfo', 'reviews');
const RATINGS = service('bookinfo', 'ratings');

describeRule('P-WIDER-THAN-DEFAULT', {
  good: [
    { name: 'the workload Sidecar imports less than the default', manifests: [NS_DEFAULT, sidecar('prod', 'web', { egress: [{ hosts: ['./*'] }] }, { app: 'web' }), workload('prod', 'web'), service('prod', 'api')] },
    {
      name: 'the default imports the namespace the workload Sidecar imports',
      manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*', 'bookinfo/*'] }] }), sidecar('prod', 'web', { egress: [{ hosts: ['bookinfo/*'] }] }, { app: 'web' }), workload('prod', 'web'), REVIEWS],
    },
    { name: 'no default at all: istiod\'s built-in default imports everything', manifests: [sidecar('prod', 'web', { egress: [{ hosts: ['*/*'] }] }, { app: 'web' }), workload('prod', 'web'), REVIEWS] },
    { name: 'the extra namespace defines no host', manifests: [NS_DEFAULT, sidecar('prod', 'web', { egress: [{ hosts: ['./*', 'bookinfo/*'] }] }, { app: 'web' }), workload('prod', 'web')] },
    { name: 'the selector matches no workload', manifests: [NS_DEFAULT, sidecar('prod', 'web', { egress: [{ hosts: ['*/*'] }] }, { app: 'web' }), workload('prod', 'api'), REVIEWS] },
  ],
  bad: [
    {
      name: 'the workload Sidecar imports a namespace the default does not -> warning on it, naming the hosts and the default',
      manifests: [NS_DEFAULT, sidecar('prod', 'web', { egress: [{ hosts: ['./*', 'bookinfo/*'] }] }, { app: 'web' }), workload('prod', 'web'), REVIEWS, RATINGS],
      severity: Severity.WARNING,
      subjects: ['web'],
      related: ['default'],
      path: 'spec.egress[0].hosts[1]',
      message: 'this Sidecar imports 2 host names that its namespace default, Sidecar prod/default, does not: "reviews.bookinfo.svc.cluster.local", "ratings.bookinfo.svc.cluster.local" '
        + '(the first through "bookinfo/*"); import only what the selected workloads call, or widen the default if every workload needs them',
    },
    {
      name: 'no namespace default: compared with the mesh default -> warning naming it',
      manifests: [MESH_DEFAULT, sidecar('prod', 'web', { egress: [{ hosts: ['*/*'] }] }, { app: 'web' }), workload('prod', 'web'), REVIEWS],
      related: ['default'],
      message: /imports 1 host name that the mesh default, Sidecar istio-system\/default, does not: "reviews.bookinfo.svc.cluster.local"/,
    },
    {
      name: 'two workloads under one Sidecar -> one warning',
      manifests: [
        NS_DEFAULT, sidecar('prod', 'web', { egress: [{ hosts: ['bookinfo/*'] }] }, { tier: 'front' }),
        { ...workload('prod', 'web'), spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'app', image: 'web' }] } } } },
        { ...workload('prod', 'api'), spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api', tier: 'front' } }, spec: { containers: [{ name: 'app', image: 'api' }] } } } },
        REVIEWS,
      ],
      count: 1,
    },
  ],
});
