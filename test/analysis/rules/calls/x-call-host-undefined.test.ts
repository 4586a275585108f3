import { POD_PATH, api, caller, reviews, sidecar } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { RegistryCompleteness } from '../../../../src/analysis/registry-completeness';
import { describeRule } from '../../rule-cases';

describeRule('X-CALL-HOST-UNDEFINED', {
  good: [
    { name: 'a Service the input defines, by name.namespace', manifests: [caller('reviews.bookinfo:9080'), reviews] },
    { name: 'a ServiceEntry host', manifests: [caller('api.example.com:443'), api] },
    { name: 'a host under a wildcard ServiceEntry host', manifests: [caller('eu.api.example.com:443'), { ...api, spec: { ...api.spec, hosts: ['*.api.example.com'] } }] },
    { name: 'a workload without a proxy is not judged', manifests: [{ ...caller('nowhere.example.com'), metadata: { name: 'web', namespace: 'prod' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { 'istio-injection': 'disabled' } } }] },
  ],
  bad: [
    {
      name: 'an external host no ServiceEntry defines, registry partial -> warning, the consequence under the assumed ALLOW_ANY',
      manifests: [caller('api.example.org:443'), api],
      path: POD_PATH,
      severity: Severity.WARNING,
      message: 'declared call "api.example.org:443": no Service or ServiceEntry in the input defines "api.example.org", so no Sidecar can import it and under ALLOW_ANY (Istio\'s default: the input and the options give no mesh outbound policy) the call leaves the mesh through the PassthroughCluster, unmanaged; '
        + 'fix the host, or define it (a ServiceEntry for an external host) and import it (the input may be part of the registry, registry "partial": if the host is defined elsewhere, suppress this rule for this workload)',
    },
    {
      name: 'a short Service name resolved in the caller\'s namespace -> warning naming the FQDN, the Sidecar related',
      manifests: [caller('ratings:9080'), sidecar([{ hosts: ['./*'] }], 'REGISTRY_ONLY'), reviews],
      message: /^declared call "ratings:9080" \(ratings\.prod\.svc\.cluster\.local:9080\): .* under REGISTRY_ONLY \(its outboundTrafficPolicy\) the call goes to the BlackHoleCluster/,
      related: ['default'],
    },
    { name: 'registry complete -> error', manifests: [caller('api.example.org:443')], registry: RegistryCompleteness.COMPLETE, severity: Severity.ERROR, message: /registry "complete"/ },
  ],
});
