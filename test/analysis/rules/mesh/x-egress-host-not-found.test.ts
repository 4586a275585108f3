import { meshSidecar, serviceEntryManifest, serviceManifest } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const withHosts = (namespace: string, ...hosts: string[]) => meshSidecar(namespace, 'default', undefined, { egress: [{ hosts }] });
const reviews = serviceManifest('bookinfo', 'reviews');
const api = serviceEntryManifest('external', 'api', ['api.example.com']);

describeRule('X-EGRESS-HOST-NOT-FOUND', {
  good: [
    { name: 'a Service host in its namespace', manifests: [withHosts('prod', 'bookinfo/reviews.bookinfo.svc.cluster.local'), reviews] },
    { name: 'a ServiceEntry host in its namespace', manifests: [withHosts('prod', 'external/api.example.com'), api] },
    { name: '"*" as namespace finds the host anywhere', manifests: [withHosts('prod', '*/api.example.com'), api] },
    { name: '"." finds hosts of the Sidecar\'s namespace', manifests: [withHosts('external', './api.example.com'), api] },
    { name: '"." in a root-namespace Sidecar means every workload\'s namespace', manifests: [meshSidecar('istio-system', 'default', undefined, { egress: [{ hosts: ['./api.example.com'] }] }), api] },
    { name: 'a wildcard ServiceEntry host covers the name', manifests: [withHosts('prod', 'external/eu.api.example.com'), serviceEntryManifest('external', 'wild', ['*.example.com'])] },
    { name: 'exported to the Sidecar\'s namespace', manifests: [withHosts('prod', 'external/api.example.com'), serviceEntryManifest('external', 'api', ['api.example.com'], ['prod'])] },
    { name: 'wildcards, "*/*" and "./*" import no one name', manifests: [withHosts('prod', '*/*', './*', 'external/*', '*/*.example.org'), api] },
    { name: 'exclusions are never looked up', manifests: [withHosts('prod', '*/*', '~external/gone.example.com'), api] },
    { name: 'an input without Services or ServiceEntries says nothing about the registry', manifests: [withHosts('prod', 'external/unknown.example.com')] },
    { name: 'malformed hosts are the S-HOST rules\' business', manifests: [withHosts('prod', 'no-slash.example.com', '/x.example.com'), api] },
    { name: 'a trailing dot names the same host', manifests: [withHosts('prod', 'external/api.example.com.'), api] },
  ],
  bad: [
    {
      name: 'a host no Service or ServiceEntry defines -> warning',
      manifests: [withHosts('prod', './*', 'ns1/unknown.example.com'), api],
      count: 1,
      path: 'spec.egress[0].hosts[1]',
      message: 'egress host "ns1/unknown.example.com" matches no Service or ServiceEntry in the input, so it imports nothing (and, with REGISTRY_ONLY, calls to "unknown.example.com" fail); '
        + 'fix the host name, add a ServiceEntry for it, or suppress this rule if it is registered outside this input',
    },
    {
      name: 'the host exists in another namespace -> warning naming it',
      manifests: [withHosts('prod', 'prod/reviews.bookinfo.svc.cluster.local'), reviews],
      related: ['reviews'],
      message: 'egress host "prod/reviews.bookinfo.svc.cluster.local": "reviews.bookinfo.svc.cluster.local" is defined by Service "reviews" in namespace "bookinfo", not in namespace "prod", '
        + 'so this entry imports nothing; write "bookinfo/reviews.bookinfo.svc.cluster.local" (or "*/reviews.bookinfo.svc.cluster.local")',
    },
    { name: '"." in a namespace Sidecar is its own namespace only', manifests: [withHosts('prod', './api.example.com'), api], count: 1 },
    {
      name: 'a ServiceEntry exported only to its own namespace -> warning',
      manifests: [withHosts('prod', 'external/api.example.com'), serviceEntryManifest('external', 'api', ['api.example.com'], ['.'])],
      message: /^egress host "external\/api.example.com": ServiceEntry "api" in namespace "external" defines "api.example.com" but does not export it to namespace "prod" \(exportTo \["external"\]\)/,
    },
    {
      name: 'a Service hidden by the networking.istio.io/exportTo annotation -> warning',
      manifests: [withHosts('prod', '*/reviews.bookinfo.svc.cluster.local'), serviceManifest('bookinfo', 'reviews', { 'networking.istio.io/exportTo': '.' })],
      count: 1,
    },
    {
      name: 'every unknown host of every listener is reported',
      manifests: [
        meshSidecar('prod', 'default', undefined, { egress: [{ port: { number: 443, protocol: 'TLS', name: 'tls' }, hosts: ['*/a.example.com'] }, { hosts: ['*/b.example.com', '*/api.example.com'] }] }),
        api,
      ],
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[1].hosts[0]'],
    },
  ],
});
