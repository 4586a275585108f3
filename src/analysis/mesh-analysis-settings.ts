// MeshAnalysisOptions read as every front door reads settings: for MeshAnalysis and MeshPicture.
import { ManifestEntry } from './manifest';
import { MeshConfigError, withMeshConfig } from './mesh-config';
import { MeshAnalysisOptions } from './mesh-options';
import { RunSettings, resolveRunSettings } from './run';
import { PropNames, unknownKeysProblem } from './unknown-keys';

/** Every option of `MeshAnalysisOptions`, once: the compiler rejects a missing or foreign name. */
export const MESH_ANALYSIS_OPTION_NAMES: PropNames<MeshAnalysisOptions> = {
  rootNamespace: true, clusterDomain: true, registry: true, outboundTrafficPolicy: true, rulePacks: true, maxScopeHosts: true,
};

/** The manifests as engine entries (anything but a list is none). */
export function entriesOf(manifests: unknown): ManifestEntry[] {
  return Array.isArray(manifests) ? manifests.map((manifest) => ({ manifest })) : [];
}

/**
 * The run settings `options` ask for, checked as every front door checks them (a bad or unknown
 * one throws, its message starting with `caller`), with the manifests' `istio` ConfigMap read.
 */
export function meshRunSettingsOf(options: MeshAnalysisOptions | undefined, entries: readonly ManifestEntry[], caller: string): RunSettings {
  const unknown = unknownKeysProblem(options, MESH_ANALYSIS_OPTION_NAMES, ['option', 'options']);
  if (unknown) throw new Error(`${caller}: ${unknown}`);
  const settings = resolveRunSettings(
    {
      rootNamespace: options?.rootNamespace,
      clusterDomain: options?.clusterDomain,
      registry: options?.registry,
      outboundTrafficPolicy: options?.outboundTrafficPolicy,
      rulePacks: options?.rulePacks,
      maxScopeHosts: options?.maxScopeHosts,
    },
    (name) => `${caller}: ${name}`,
  );
  try {
    return withMeshConfig(settings, entries, options?.rootNamespace !== undefined, 'the rootNamespace option');
  } catch (error) {
    if (error instanceof MeshConfigError) throw new Error(`${caller}: ${error.message}`);
    throw error;
  }
}
