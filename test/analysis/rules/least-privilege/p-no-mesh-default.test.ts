import { MESH_DEFAULT, sidecar, workload } from './helpers';
import { Severity } from '../../../../src/analysis/finding';
import { describeRule } from '../../rule-cases';

describeRule('P-NO-MESH-DEFAULT', {
  good: [
    { name: 'a mesh default in the root namespace', manifests: [MESH_DEFAULT, workload('prod', 'web')] },
    { name: 'no mesh default, but the namespace has its own', manifests: [sidecar('prod', 'default', { egress: [{ hosts: ['./*'] }] }), workload('prod', 'web')] },
    { name: 'no mesh default, but the workload has its own Sidecar', manifests: [sidecar('prod', 'web', { egress: [{ hosts: ['./*'] }] }, { app: 'web' }), workload('prod', 'web')] },
    { name: 'the mesh default in a configured root namespace', manifests: [sidecar('mesh-root', 'default', { egress: [{ hosts: ['./*'] }] }), workload('prod', 'web')], rootNamespace: 'mesh-root' },
    { name: 'no workloads: nothing falls back', manifests: [sidecar('prod', 'web', { egress: [{ hosts: ['./*'] }] }, { app: 'web' })] },
  ],
  bad: [
    {
      name: 'no Sidecar at all -> one warning per namespace, on its first workload, naming the others',
      manifests: [workload('prod', 'web'), workload('prod', 'api'), workload('shop', 'cart')],
      severity: Severity.WARNING,
      count: 2,
      subjects: ['web', 'cart'],
      related: ['api'],
      message: 'namespace "prod" has no Sidecar of its own and the root namespace "istio-system" has no Sidecar without a selector, so its 2 workloads get istiod\'s built-in default: '
        + 'every host exported to the namespace, the whole mesh; add a mesh default Sidecar in "istio-system" (MeshDefaultSidecar) or a Sidecar in "prod"',
    },
    {
      name: 'the root namespace\'s Sidecar has a selector -> warning',
      manifests: [sidecar('istio-system', 'default', { egress: [{ hosts: ['./*'] }] }, { app: 'web' }), workload('prod', 'web')],
      count: 1,
      message: /so this workload gets istiod's built-in default/,
    },
    {
      name: 'the mesh default is in istio-system but the root namespace is another -> warning',
      manifests: [MESH_DEFAULT, workload('prod', 'web')],
      rootNamespace: 'mesh-root',
      message: /the root namespace "mesh-root" has no Sidecar without a selector/,
    },
  ],
});
