import { Severity } from '../../finding';
import { fieldPath } from '../../manifest';
import { RuleSource, SidecarRule } from '../../rule';
import { UINT32_MAX, isUint32 } from '../../syntax/port';
import { sidecarManifest } from '../support/example-manifests';
import { sidecarPorts } from '../support/sidecar-ports';

export const portNumberCrd: SidecarRule = {
  id: 'S-PORT-NUMBER-CRD',
  scope: 'sidecar',
  severity: Severity.ERROR,
  title: 'A listener port number is a whole number from 0 to 4294967295',
  why: 'The Sidecar CRD types port numbers as unsigned 32-bit integers: the API server rejects a negative, fractional or larger number before Istio sees it.',
  fix: 'Use a port number from 1 to 65535 (or, on an egress listener, leave it out for a Unix domain socket listener).',
  references: [],
  sources: [RuleSource.CRD],
  examples: {
    failing: [sidecarManifest({ ingress: [{ port: { number: -1, protocol: 'HTTP' } }] })],
    passing: [sidecarManifest({ ingress: [{ port: { number: 9080, protocol: 'HTTP' } }] })],
  },
  check(sidecar, report) {
    for (const { port, path, direction } of sidecarPorts(sidecar)) {
      const number = port.number;
      // A number of another type (e.g. the string "80") is the schema rule's to report.
      if (typeof number !== 'number' || isUint32(number)) continue;
      const instead = direction === 'egress' ? ' (or leave number out for a Unix domain socket listener)' : '';
      report(fieldPath(path, 'number'), `${direction} port number ${String(number)} is not a whole number from 0 to ${UINT32_MAX}, so the Sidecar CRD rejects it; use a port from 1 to 65535${instead}`);
    }
  },
};
