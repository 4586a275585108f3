import { Severity } from '../../finding';
import { RuleSource } from '../../rule';
import { sidecarManifest } from '../support/example-manifests';
import { listenerOfPath, schemaRule } from '../support/schema-rule';

export const portNumberCrd = schemaRule({
  id: 'S-PORT-NUMBER-CRD',
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
}, (problem) => {
  // The model gives this rule numbers only (not whole, or outside uint32): other types are S-CRD-TYPES's.
  const direction = listenerOfPath(problem.path)?.direction ?? 'ingress';
  const instead = direction === 'egress' ? ' (or leave number out for a Unix domain socket listener)' : '';
  const range = problem.schema.type === 'integer' ? `${problem.schema.minimum} to ${problem.schema.maximum}` : '';
  return `${direction} port number ${String(problem.value)} is not a whole number from ${range}, so the Sidecar CRD rejects it; use a port from 1 to 65535${instead}`;
});
