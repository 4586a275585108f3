import { POD_PATH, service, sidecar, workload } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

const REVIEWS = service('bookinfo', 'reviews', 9080);
const RATINGS = service('bookinfo', 'ratings', 9080);
const wide = (...hosts: string[]) => sidecar('prod', 'default', { egress: [{ hosts: ['istio-system/*', ...hosts] }] });

describeRule('P-CALL-WIDE-IMPORT', {
  good: [
    { name: 'the call goes through a narrow entry', manifests: [wide('bookinfo/reviews.bookinfo.svc.cluster.local'), workload('prod', 'web', 'reviews.bookinfo:9080'), REVIEWS, RATINGS] },
    { name: 'two declared calls share the namespace entry', manifests: [wide('bookinfo/*'), workload('prod', 'web', 'reviews.bookinfo:9080, ratings.bookinfo:9080'), REVIEWS, RATINGS] },
    {
      name: 'two workloads under the Sidecar call two hosts through it',
      manifests: [wide('bookinfo/*'), workload('prod', 'web', 'reviews.bookinfo:9080'), workload('prod', 'api', 'ratings.bookinfo:9080'), REVIEWS, RATINGS],
    },
    { name: 'another workload under the Sidecar declares nothing: it may use the entry', manifests: [wide('bookinfo/*'), workload('prod', 'web', 'reviews.bookinfo:9080'), workload('prod', 'api'), REVIEWS, RATINGS] },
    { name: 'no declared calls', manifests: [wide('bookinfo/*'), workload('prod', 'web'), REVIEWS, RATINGS] },
    { name: 'no Sidecar: the implicit "*/*" has no entry to narrow', manifests: [workload('prod', 'web', 'reviews.bookinfo:9080'), REVIEWS, RATINGS] },
    { name: 'the call is not served (X-CALL-NOT-REACHABLE\'s)', manifests: [wide('./*'), workload('prod', 'web', 'reviews.bookinfo:9080'), REVIEWS] },
  ],
  bad: [
    {
      name: 'the only call through "bookinfo/*" -> warning on the workload suggesting the host',
      manifests: [wide('bookinfo/*'), workload('prod', 'web', 'reviews.bookinfo:9080'), REVIEWS, RATINGS],
      severity: Severity.WARNING,
      subjects: ['web'],
      related: ['default'],
      path: POD_PATH,
      message: 'declared call "reviews.bookinfo:9080" (reviews.bookinfo.svc.cluster.local:9080) is the only declared call served by "bookinfo/*" (spec.egress[0].hosts[1] of Sidecar prod/default), '
        + 'which imports every host of namespace "bookinfo": import "bookinfo/reviews.bookinfo.svc.cluster.local" instead',
    },
    {
      name: 'the only call through "*/*" -> warning suggesting the host in its namespace',
      manifests: [wide('*/*'), workload('prod', 'web', 'reviews.bookinfo:9080'), REVIEWS, RATINGS],
      message: /served by "\*\/\*" .*which imports every host of every namespace: import "bookinfo\/reviews.bookinfo.svc.cluster.local" instead/,
    },
    {
      name: 'the only call through "./*" -> warning suggesting "./<host>"',
      manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }] }), workload('prod', 'web', 'api.prod:80'), service('prod', 'api'), service('prod', 'db')],
      message: /which imports every host of namespace "prod": import ".\/api.prod.svc.cluster.local" instead/,
    },
    {
      name: 'two workloads call the same one host through it -> one warning each',
      manifests: [wide('bookinfo/*'), workload('prod', 'web', 'reviews.bookinfo:9080'), workload('prod', 'api', 'reviews.bookinfo:9080'), REVIEWS, RATINGS],
      subjects: ['web', 'api'],
    },
  ],
});
