import { RegistryCompleteness } from '../../../../src/analysis/registry-completeness';
import { meshSidecar, namespaceManifest, serviceEntryManifest, serviceManifest } from '../../../../src/analysis/rules/support/mesh-examples';
import { describeRule } from '../../rule-cases';

const withHosts = (namespace: string, ...hosts: string[]) => meshSidecar(namespace, 'default', undefined, { egress: [{ hosts }] });
const reviews = serviceManifest('bookinfo', 'reviews');
const api = serviceEntryManifest('external', 'api', ['api.example.com']);
const PARTIAL = ' (assumed: the input holds some Services or ServiceEntries, so it is taken to hold all there are; registry "partial")';
const COMPLETE = ' (assumed: the input is the whole registry, registry "complete")';
const notFound = (host: string, dnsName: string, assumed: string) =>
  `egress host "${host}" matches no Service or ServiceEntry in the input, so it imports nothing (and, with REGISTRY_ONLY, calls to "${dnsName}" fail); `
  + `fix the host name, add a ServiceEntry for it, or suppress this rule if it is registered outside this input${assumed}`;

// The kinds of case Kiali's egress listener checker tests assert (business/checkers/sidecars),
// re-expressed with Istio's meaning of the namespace part; where Kiali differs, the name says so.
describeRule('X-EGRESS-HOST-NOT-FOUND', {
  good: [
    { name: 'a Service host in its namespace', manifests: [withHosts('prod', 'bookinfo/reviews.bookinfo.svc.cluster.local'), reviews] },
    { name: 'a ServiceEntry host in its namespace', manifests: [withHosts('prod', 'external/api.example.com'), api] },
    { name: '"*" as namespace finds the host anywhere', manifests: [withHosts('prod', '*/api.example.com'), api] },
    { name: '"." finds hosts of the Sidecar\'s namespace', manifests: [withHosts('external', './api.example.com'), api] },
    { name: '"." in a root-namespace Sidecar means every workload\'s namespace', manifests: [meshSidecar('istio-system', 'default', undefined, { egress: [{ hosts: ['./api.example.com'] }] }), api] },
    { name: 'a wildcard ServiceEntry host covers the name', manifests: [withHosts('prod', 'external/eu.api.example.com'), serviceEntryManifest('external', 'wild', ['*.example.com'])] },
    { name: 'exported to the Sidecar\'s namespace', manifests: [withHosts('prod', 'external/api.example.com'), serviceEntryManifest('external', 'api', ['api.example.com'], ['prod'])] },
    {
      name: 'Kiali\'s well-formed hosts: "*/*", "./*", "bookinfo/*", and Services of the namespace by name or wildcard',
      manifests: [
        withHosts('bookinfo', '*/*', '~/*', './*', './reviews.bookinfo.svc.cluster.local', './*.bookinfo.svc.cluster.local', 'bookinfo/*', 'bookinfo/*.bookinfo.svc.cluster.local', 'bookinfo/reviews.bookinfo.svc.cluster.local'),
        reviews, serviceManifest('bookinfo', 'details'),
      ],
    },
    { name: 'a Service of another namespace exported to all (annotation "*")', manifests: [withHosts('bookinfo', 'bookinfo2/reviews.bookinfo2.svc.cluster.local'), serviceManifest('bookinfo2', 'reviews', { 'networking.istio.io/exportTo': '*' })] },
    { name: 'a Service without exportTo is visible everywhere', manifests: [withHosts('bookinfo', 'bookinfo2/reviews.bookinfo2.svc.cluster.local'), serviceManifest('bookinfo2', 'reviews')] },
    { name: 'a Service exported to "." is seen by a Sidecar of its namespace', manifests: [withHosts('bookinfo', 'bookinfo/boggus.bookinfo.svc.cluster.local'), serviceManifest('bookinfo', 'boggus', { 'networking.istio.io/exportTo': '.' })] },
    {
      name: 'a wildcard host imports the specific ServiceEntry hosts under it (Istio imports www.myhost.com; Kiali warns)',
      manifests: [withHosts('bookinfo', 'external/*.myhost.com', '*/*.myhost.com'), serviceEntryManifest('external', 'www', ['www.myhost.com'])],
    },
    { name: 'a wildcard ServiceEntry host satisfies the same wildcard', manifests: [withHosts('prod', '*/*.example.com'), serviceEntryManifest('external', 'wild', ['*.example.com'])] },
    { name: 'a broader wildcard ServiceEntry host covers a narrower wildcard host', manifests: [withHosts('prod', 'external/*.eu.example.com'), serviceEntryManifest('external', 'wild', ['*.example.com'])] },
    { name: 'a wildcard host imports Services under it', manifests: [withHosts('prod', '*/*.bookinfo.svc.cluster.local'), reviews] },
    { name: '"ns/*" of a declared Namespace', manifests: [withHosts('prod', 'bookinfo/*'), namespaceManifest('bookinfo', {}), namespaceManifest('prod', {})] },
    { name: '"ns/*" when the input declares no Namespace at all', manifests: [withHosts('prod', 'bookinfo/*', 'elsewhere/*'), api] },
    { name: '"ns/*" of a namespace some object of the input is in', manifests: [withHosts('prod', 'bookinfo/*'), reviews, namespaceManifest('prod', {})] },
    {
      name: '"ns/*" of the mesh\'s namespaces, the root and istio-system, undeclared',
      manifests: [withHosts('prod', 'istio-system/*', 'istio-config/*'), namespaceManifest('prod', {})],
      rootNamespace: 'istio-config',
    },
    { name: 'exclusions are never looked up, "~/" hosts included', manifests: [withHosts('prod', '*/*', '~external/gone.example.com', '~/*.example.com', '~/www.example.com'), api], registry: RegistryCompleteness.COMPLETE },
    { name: 'an input without Services or ServiceEntries says nothing about the registry (registry partial)', manifests: [withHosts('prod', 'external/unknown.example.com', '*/*.example.com')] },
    { name: 'malformed hosts are the S-HOST rules\' business', manifests: [withHosts('prod', 'no-slash.example.com', '/x.example.com', '*/a*.example.com'), api] },
    { name: 'a trailing dot names the same host', manifests: [withHosts('prod', 'external/api.example.com.'), api] },
  ],
  bad: [
    {
      name: 'a host no Service or ServiceEntry defines -> warning',
      manifests: [withHosts('prod', './*', 'ns1/unknown.example.com'), api],
      count: 1,
      path: 'spec.egress[0].hosts[1]',
      message: notFound('ns1/unknown.example.com', 'unknown.example.com', PARTIAL),
    },
    {
      name: 'the host exists in another namespace -> warning naming it',
      manifests: [withHosts('prod', 'prod/reviews.bookinfo.svc.cluster.local'), reviews],
      related: ['reviews'],
      message: 'egress host "prod/reviews.bookinfo.svc.cluster.local": "reviews.bookinfo.svc.cluster.local" is defined by Service "reviews" in namespace "bookinfo", not in namespace "prod", '
        + `so this entry imports nothing; write "bookinfo/reviews.bookinfo.svc.cluster.local" (or "*/reviews.bookinfo.svc.cluster.local")${PARTIAL}`,
    },
    { name: '"." in a namespace Sidecar is its own namespace only (Kiali accepts a ServiceEntry of any namespace)', manifests: [withHosts('prod', './api.example.com'), api], count: 1, related: ['api'] },
    {
      name: 'a ServiceEntry in another namespace does not satisfy "ns/host" (Kiali ignores the namespace part)',
      manifests: [withHosts('bookinfo', 'bookinfo/details.bookinfo2.svc.cluster.local', 'bookinfo/www.myhost.com'), serviceEntryManifest('bookinfo3', 'details-se', ['details.bookinfo2.svc.cluster.local', 'www.myhost.com'])],
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[0].hosts[1]'],
      message: /^egress host "bookinfo\/www.myhost.com": "www.myhost.com" is defined by ServiceEntry "details-se" in namespace "bookinfo3", not in namespace "bookinfo", so this entry imports nothing; write "bookinfo3\/www.myhost.com"/,
    },
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
      name: 'a Service exported to another namespace than the Sidecar\'s -> warning',
      manifests: [withHosts('bookinfo', 'bookinfo/boggus.bookinfo.svc.cluster.local'), serviceManifest('bookinfo', 'boggus'), serviceManifest('bookinfo', 'hidden', { 'networking.istio.io/exportTo': 'bookinfo2' }), withHosts('bookinfo3', 'bookinfo/hidden.bookinfo.svc.cluster.local')],
      count: 1,
      message: /does not export it to namespace "bookinfo3" \(exportTo \["bookinfo2"\]\)/,
    },
    {
      name: 'the Service is absent from the named namespace (another Service there) -> warning',
      manifests: [withHosts('bookinfo', 'bookinfo2/reviews.bookinfo2.svc.cluster.local', 'bookinfo/boggus.bookinfo.svc.cluster.local'), reviews, serviceManifest('bookinfo', 'wrong')],
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[0].hosts[1]'],
    },
    {
      name: 'a wildcard host no Service or ServiceEntry falls under -> warning',
      manifests: [withHosts('bookinfo', 'bookinfo/*.myhost.com', '*/*.bookinfo2.svc.cluster.local'), serviceEntryManifest('bookinfo', 'other', ['www.otherhost.com', '*.bookinfo3.svc.cluster.local', 'myhost.com'])],
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[0].hosts[1]'],
      message: notFound('bookinfo/*.myhost.com', '*.myhost.com', PARTIAL),
    },
    { name: 'a short ServiceEntry host is not expanded -> warning', manifests: [withHosts('bookinfo', '*/details.bookinfo2.svc.cluster.local'), serviceEntryManifest('bookinfo2', 'short', ['details'])], count: 1 },
    {
      name: 'a wildcard host whose only match is in another namespace -> warning naming it',
      manifests: [withHosts('prod', 'prod/*.example.com'), api],
      related: ['api'],
      message: /^egress host "prod\/\*.example.com": "api.example.com" is defined by ServiceEntry "api" in namespace "external", not in namespace "prod"/,
    },
    {
      name: '"ns/*" of a namespace the input\'s Namespaces do not declare -> warning',
      manifests: [withHosts('prod', './*', 'bookinfo/*', 'prod/*'), namespaceManifest('prod', {})],
      count: 1,
      path: 'spec.egress[0].hosts[1]',
      message: 'egress host "bookinfo/*" imports every service of namespace "bookinfo", but the input declares no Namespace "bookinfo" and holds no object in it, so it imports nothing; '
        + 'fix the namespace name, or add its Namespace object (assumed: the input declares some Namespaces, so it is taken to declare all there are)',
    },
    {
      name: 'registry complete: an input without Services or ServiceEntries has none, so every importing host is reported, "~/" hosts excepted',
      registry: RegistryCompleteness.COMPLETE,
      manifests: [withHosts('bookinfo', '*/*.example.com', '*/www.example.com', '*/example.prod.svc.cluster.local', '~/*.example.com', '~/www.example.com', 'bookinfo/reviews.bogus.svc.cluster.local', 'bookinfo/*.bogus.svc.cluster.local')],
      paths: ['spec.egress[0].hosts[0]', 'spec.egress[0].hosts[1]', 'spec.egress[0].hosts[2]', 'spec.egress[0].hosts[5]', 'spec.egress[0].hosts[6]'],
      message: notFound('*/www.example.com', 'www.example.com', COMPLETE),
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
