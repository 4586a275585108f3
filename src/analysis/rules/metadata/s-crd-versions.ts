import { Severity } from '../../finding';
import { stringAt } from '../../manifest';
import { MeshRule, RuleSource } from '../../rule';
import { ISTIO_NETWORKING_GROUP } from '../../snapshot';
import { sidecarManifest } from '../support/example-manifests';

const PREFERRED = `${ISTIO_NETWORKING_GROUP}/v1`;
// Served with the same schema as v1, which is the version the API server stores.
const OLDER_SERVED = [`${ISTIO_NETWORKING_GROUP}/v1beta1`, `${ISTIO_NETWORKING_GROUP}/v1alpha3`];

/** A Sidecar of Istio's group, or a `kind: Sidecar` whose apiVersion is missing or lacks the version. */
function claimsToBeIstioSidecar(apiVersion: string, kind: string | undefined): boolean {
  return kind === 'Sidecar' && (apiVersion === '' || apiVersion === ISTIO_NETWORKING_GROUP || apiVersion.startsWith(`${ISTIO_NETWORKING_GROUP}/`));
}

export const crdVersions: MeshRule = {
  id: 'S-CRD-VERSIONS',
  scope: 'mesh',
  severity: Severity.ERROR,
  title: 'A Sidecar uses an apiVersion the Sidecar CRD serves, preferably networking.istio.io/v1',
  why: 'The Sidecar CRD serves networking.istio.io/v1 (the stored version), v1beta1 and v1alpha3, all with the same schema; the API server refuses any other version. The older two still work, but v1 is the one to write.',
  fix: 'Set apiVersion to "networking.istio.io/v1".',
  references: [],
  sources: [RuleSource.CRD, RuleSource.OWN],
  registryAssumption: 'None: it reads each Sidecar alone (the input\'s apiVersions). Independent of the registry setting.',
  examples: {
    failing: [{ ...sidecarManifest({ egress: [{ hosts: ['./*'] }] }), apiVersion: 'networking.istio.io/v2' }],
    passing: [sidecarManifest({ egress: [{ hosts: ['./*'] }] })],
  },
  check(mesh, report) {
    for (const resource of mesh.resources) {
      const apiVersion = stringAt(resource.manifest, 'apiVersion') ?? '';
      if (!claimsToBeIstioSidecar(apiVersion, stringAt(resource.manifest, 'kind')) || apiVersion === PREFERRED) continue;
      if (OLDER_SERVED.includes(apiVersion)) {
        report(resource, `apiVersion "${apiVersion}" still works (the CRD serves it with the same schema), but "${PREFERRED}" is the stored version; prefer "${PREFERRED}"`, {
          path: 'apiVersion', severity: Severity.INFO,
        });
      } else {
        const written = resource.manifest.apiVersion;
        const found = written === undefined || written === null || written === '' ? 'no apiVersion' : `apiVersion ${JSON.stringify(written)}`;
        report(resource, `a Sidecar with ${found} is refused: the Sidecar CRD serves only "${PREFERRED}", "${OLDER_SERVED.join('" and "')}"; set apiVersion to "${PREFERRED}"`, {
          path: 'apiVersion',
        });
      }
    }
  },
};
