import { Severity } from '../../finding';
import { RuleSource, SidecarRule } from '../../rule';
import { sidecarView } from '../../sidecar-view';
import { UNIX_SCHEME } from '../../syntax/address';
import { sidecarManifest } from '../support/example-manifests';

export const egressUdsUnique: SidecarRule = {
  id: 'S-EG-UDS-UNIQUE',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'Each unix-socket egress listener binds its own socket',
  why: 'Istio rejects a Sidecar with two unix-socket egress listeners on the same socket: one socket can back only one listener.',
  fix: 'Give each unix-socket listener its own socket path, or merge their hosts into one listener.',
  references: ['IST0106'],
  sources: [RuleSource.WEBHOOK],
  examples: {
    failing: [sidecarManifest({
      egress: [
        { port: {}, bind: 'unix:///@foo/bar/com', hosts: ['a/*'] },
        { port: {}, bind: 'unix:///@foo/bar/com', hosts: ['b/*'] },
      ],
    })],
    passing: [sidecarManifest({
      egress: [
        { port: {}, bind: 'unix:///@foo/bar/com', hosts: ['a/*'] },
        { port: {}, bind: 'unix:///@foo/bar/org', hosts: ['b/*'] },
      ],
    })],
  },
  check(sidecar, report) {
    const firstByBind = new Map<string, string>();
    for (const listener of sidecarView(sidecar).egress) {
      const bind = listener.bind;
      // Listeners without a unix:// bind are S-EG-UDS-BIND-REQUIRED's; comparing them adds nothing.
      if (listener.kind !== 'unix-socket' || !bind?.startsWith(UNIX_SCHEME)) continue;
      const first = firstByBind.get(bind);
      if (first === undefined) {
        firstByBind.set(bind, listener.path);
      } else {
        report(listener.bindPath, `unix socket ${JSON.stringify(bind)} is already bound by ${first}: each unix-socket egress listener needs its own socket; pick another path`);
      }
    }
  },
};
