import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { ImportedHost, describeNamespace, importedHostsByListener } from '../support/imported-hosts';

export const hostDuplicate: SidecarRule = {
  id: 'S-HOST-DUPLICATE',
  scope: 'sidecar',
  severity: Severity.WARNING,
  title: 'An egress listener does not import the same host twice',
  why: 'Istio warns when a listener lists a host twice (after "." is read as the Sidecar\'s namespace) or lists "ns/*" together with a host of the same namespace: the extra entry adds nothing and hides what was meant.',
  fix: 'Remove the repeated host, or the single hosts a "<namespace>/*" entry already covers.',
  references: ['IST0133'],
  sources: [RuleSource.WEBHOOK_WARNING],
  examples: {
    failing: [sidecarManifest({ egress: [{ hosts: ['test/*', 'test/a.example.com'] }] })],
    passing: [sidecarManifest({ egress: [{ hosts: ['test/a.example.com', 'other/*'] }, { hosts: ['test/a.example.com'] }] })],
  },
  check(sidecar, report, mesh) {
    // In the mesh-wide default "." means each workload's own namespace, not the root namespace:
    // the webhook still warns, but the hosts are not duplicates.
    const isMeshDefault = sidecar.ref.namespace === mesh.rootNamespace && !sidecar.hasSelectorField;
    for (const hosts of importedHostsByListener(sidecar)) {
      hosts.forEach((current, i) => {
        const earlier = hosts.slice(0, i).filter((h) => h.namespace === current.namespace);
        const clash = current.dnsName === '*'
          ? earlier[0]
          : earlier.find((h) => h.dnsName === current.dnsName || h.dnsName === '*');
        if (!clash) return;
        if (isMeshDefault && isSameNamespaceHost(current) !== isSameNamespaceHost(clash)) {
          report(current.path, meshDefaultMessage(current, clash, mesh.rootNamespace), Severity.INFO);
        } else {
          report(current.path, duplicateMessage(current, clash));
        }
      });
    }
  },
};

function isSameNamespaceHost(host: ImportedHost): boolean {
  return host.host.startsWith('./');
}

function meshDefaultMessage(current: ImportedHost, earlier: ImportedHost, rootNamespace: string): string {
  return `egress hosts "${earlier.host}" (${earlier.path}) and "${current.host}" look alike to Istio's webhook, which reads "." as `
    + `"${rootNamespace}" and so prints a warning on apply; in the mesh-wide default "." means each workload's own namespace, `
    + 'so both hosts are needed and the warning can be ignored';
}

function duplicateMessage(current: ImportedHost, earlier: ImportedHost): string {
  const where = `"${earlier.host}" (${earlier.path})`;
  const ns = describeNamespace(current.namespace);
  if (current.dnsName === '*') {
    return `egress host "${current.host}" imports every host in ${ns}, which already includes ${where}; keep either "${current.host}" or the single hosts`;
  }
  if (earlier.dnsName === '*') {
    return `egress host "${current.host}" is already imported by ${where}, which imports every host in ${ns}; remove one of them`;
  }
  const same = current.host === earlier.host ? 'repeats' : `names the same host in ${ns} as`;
  return `egress host "${current.host}" ${same} ${where}; remove the duplicate`;
}
