// How a lookup finding says what it assumed about the registry: one sentence, the same in every
// rule, so a reader of any finding knows why "not in the input" was taken for "not there".
import { MeshSnapshot } from '../../snapshot';

/**
 * The closing sentence of a finding that looked something up: `holds` says what the input was
 * found to hold under `registry: partial` (e.g. "some Services or ServiceEntries").
 */
export function assumptionSentence(mesh: MeshSnapshot, holds: string): string {
  return mesh.registryIsComplete
    ? ' (assumed: the input is the whole registry, registry "complete")'
    : ` (assumed: the input holds ${holds}, so it is taken to hold all there are; registry "partial")`;
}
