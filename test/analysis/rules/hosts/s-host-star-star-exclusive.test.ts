import { describeRule, sidecarManifest } from '../../rule-cases';

describeRule('S-HOST-STAR-STAR-EXCLUSIVE', {
  good: [
    { name: '"*/*" alone', spec: { egress: [{ hosts: ['*/*'] }] } },
    { name: '"*/*" with exclusions', spec: { egress: [{ hosts: ['*/*', '~test/a.com', '~/b.com'] }] } },
    { name: '"*/*" with another "*" namespace host is S-HOST-DUPLICATE\'s', spec: { egress: [{ hosts: ['*/*', '*/a.com'] }] } },
    { name: '"*/*" and named namespaces on different listeners', spec: { egress: [{ port: { number: 80 }, hosts: ['test/*'] }, { hosts: ['*/*'] }] } },
    { name: 'named namespaces without "*/*"', spec: { egress: [{ hosts: ['./*', 'istio-system/*'] }] } },
  ],
  bad: [
    {
      name: '"*/*" with a host of a named namespace -> warning',
      spec: { egress: [{ hosts: ['*/*', 'test/a.com'] }] },
      path: 'spec.egress[0].hosts[0]',
      message: 'egress host "*/*" imports every host of every namespace, so the other hosts of this listener ("test/a.com") add nothing; remove them, or replace "*/*" with the namespaces the workload calls',
      count: 1,
    },
    { name: 'in any order, with "./*" -> one warning listing them all', spec: { egress: [{ hosts: ['./*', 'istio-system/*', '*/*'] }] }, path: 'spec.egress[0].hosts[2]', message: /\("\.\/\*", "istio-system\/\*"\)/, count: 1 },
    {
      name: '"./*" with "*/*" in a Sidecar without namespace -> warning',
      manifests: [sidecarManifest({ egress: [{ hosts: ['*/*', './*'] }] }, { namespace: null })],
      count: 1,
    },
  ],
});
