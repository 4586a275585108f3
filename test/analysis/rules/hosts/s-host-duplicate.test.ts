import { Severity } from '../../../../src/analysis/finding';
import { describeRule, sidecarManifest } from '../../rule-cases';

describeRule('S-HOST-DUPLICATE', {
  good: [
    { name: 'distinct hosts', spec: { egress: [{ hosts: ['test/a.com', 'test/b.com', 'other/*'] }] } },
    { name: 'the same host on two listeners', spec: { egress: [{ port: { number: 80 }, hosts: ['test/a.com'] }, { hosts: ['test/a.com'] }] } },
    { name: '"*/*" next to a named namespace is S-HOST-STAR-STAR-EXCLUSIVE\'s', spec: { egress: [{ hosts: ['*/*', 'test/*'] }] } },
    { name: 'exclusions never count', spec: { egress: [{ hosts: ['test/*', '~test/a.com', '~test/a.com'] }] } },
    { name: '"./*" and another namespace\'s host', spec: { egress: [{ hosts: ['./*', 'bar/a.com'] }] } },
    {
      name: '"./x" and "bar/x" when the Sidecar has no namespace: cannot tell',
      manifests: [sidecarManifest({ egress: [{ hosts: ['./a.com', 'bar/a.com'] }] }, { namespace: null })],
    },
    { name: 'hosts without "/" and of the wrong type are skipped', spec: { egress: [{ hosts: ['a.com', 'a.com', null, 3] }] } },
  ],
  bad: [
    {
      name: 'the canonical mesh default ["./*", "istio-system/*"] in the root namespace -> only an info: "." is each workload\'s namespace there',
      manifests: [sidecarManifest({ egress: [{ hosts: ['./*', 'istio-system/*'] }] }, { name: 'default', namespace: 'istio-system' })],
      severity: Severity.INFO,
      message: 'egress hosts "./*" (spec.egress[0].hosts[0]) and "istio-system/*" look alike to Istio\'s webhook, which reads "." as "istio-system" and so prints a warning on apply; in the mesh-wide default "." means each workload\'s own namespace, so both hosts are needed and the warning can be ignored',
    },
    {
      name: 'the same pair in a namespace default outside the root namespace -> warning',
      manifests: [sidecarManifest({ egress: [{ hosts: ['./*', 'shop/*'] }] }, { name: 'default', namespace: 'shop' })],
      severity: Severity.WARNING,
    },
    {
      name: 'a true duplicate in the mesh default is still a warning',
      manifests: [sidecarManifest({ egress: [{ hosts: ['istio-system/*', 'istio-system/a.com'] }] }, { name: 'default', namespace: 'istio-system' })],
      severity: Severity.WARNING,
    },
    {
      name: '"test/*" then "test/a.com" -> warning on the second',
      spec: { egress: [{ hosts: ['test/*', 'test/a.com'] }] },
      path: 'spec.egress[0].hosts[1]',
      message: 'egress host "test/a.com" is already imported by "test/*" (spec.egress[0].hosts[0]), which imports every host in namespace "test"; remove one of them',
      count: 1,
    },
    {
      name: '"test/a.com" then "test/*" -> warning on the second',
      spec: { egress: [{ hosts: ['test/a.com', 'test/*'] }] },
      message: 'egress host "test/*" imports every host in namespace "test", which already includes "test/a.com" (spec.egress[0].hosts[0]); keep either "test/*" or the single hosts',
    },
    {
      name: 'the same host twice -> warning',
      spec: { egress: [{ hosts: ['test/a.com', 'test/a.com'] }] },
      message: 'egress host "test/a.com" repeats "test/a.com" (spec.egress[0].hosts[0]); remove the duplicate',
    },
    {
      name: '"./*" and "bar/a.com" in namespace "bar" -> warning',
      manifests: [sidecarManifest({ egress: [{ hosts: ['./*', 'bar/a.com'] }] }, { namespace: 'bar' })],
      path: 'spec.egress[0].hosts[1]',
    },
    {
      name: '"./a.com" and "prod/a.com" in namespace "prod" -> warning naming the namespace',
      spec: { egress: [{ hosts: ['./a.com', 'prod/a.com'] }] },
      message: 'egress host "prod/a.com" names the same host in namespace "prod" as "./a.com" (spec.egress[0].hosts[0]); remove the duplicate',
    },
    { name: '"*/*" after "*/a.com" -> warning ("*" is a namespace key of its own)', spec: { egress: [{ hosts: ['*/a.com', '*/*'] }] }, message: /every host in any namespace/ },
    { name: 'a third entry warns once per repeat', spec: { egress: [{ hosts: ['t/*', 't/a.com', 't/b.com'] }] }, count: 2 },
    { name: 'every listener is checked', spec: { egress: [{ port: { number: 80 }, hosts: ['x/a.com', 'x/a.com'] }, { hosts: ['y/*', 'y/*'] }] }, paths: ['spec.egress[0].hosts[1]', 'spec.egress[1].hosts[1]'] },
  ],
});
