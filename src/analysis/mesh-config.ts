// Istio's mesh configuration as the input may hold it: the `istio` ConfigMap's `mesh` key, a
// MeshConfig YAML string (what `kubectl get cm istio -n istio-system -o yaml` exports). istioctl
// reads that ConfigMap from a live cluster; the CLI and the plugin read it from their input, so
// both front doors judge the mesh the manifests say they run in. Pure: no I/O.
// js-yaml, as the CLI's loader: `yaml` is loaded only for positions, when there are findings.
import { load } from 'js-yaml';
import { ManifestEntry, isObject, objectAt, resourceRefOf, stringAt } from './manifest';
import { OUTBOUND_MODES, RunSettings } from './run';
import { DEFAULT_ROOT_NAMESPACE, OutboundTrafficMode } from './snapshot';
import { namespaceNameProblem } from './syntax/dns';


/** Istio's constants: the ConfigMap istiod reads its mesh config from, and its key. */
export const MESH_CONFIG_MAP = 'istio';
const MESH_KEY = 'mesh';

/** What the input's mesh config says, and where it was read. */
export interface MeshConfigInput {
  /** `ConfigMap istio-system/istio`: how output names the source. */
  readonly source: string;
  readonly rootNamespace?: string;
  readonly outboundTrafficPolicyMode?: OutboundTrafficMode;
}

/** The input's mesh config cannot be read: the message names the ConfigMap, the value and the fix. */
export class MeshConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeshConfigError';
  }
}

/**
 * The mesh config of the input's `istio` ConfigMap with a `mesh` key (the one in istio-system
 * when several namespaces have one), or undefined when there is none. Fields it leaves out
 * keep Istio's defaults. Throws a MeshConfigError when the key is not MeshConfig YAML.
 */
export function readMeshConfig(entries: readonly ManifestEntry[]): MeshConfigInput | undefined {
  const found = entries.filter((e) => isObject(e.manifest) && stringAt(e.manifest, 'kind') === 'ConfigMap' && stringAt(e.manifest, 'apiVersion') === 'v1'
    && stringAt(objectAt(e.manifest, 'metadata'), 'name') === MESH_CONFIG_MAP && objectAt(e.manifest, 'data')?.[MESH_KEY] !== undefined);
  const entry = found.find((e) => resourceRefOf(e.manifest as never).namespace === DEFAULT_ROOT_NAMESPACE) ?? found[0];
  if (!entry) return undefined;
  const ref = resourceRefOf(entry.manifest as never);
  const source = `ConfigMap ${ref.namespace ?? '(no namespace)'}/${ref.name}`;
  const bad = (problem: string) => new MeshConfigError(
    `${source}${entry.location ? ` (${entry.location})` : ''}: data.${MESH_KEY} ${problem}; fix it as MeshConfig YAML (e.g. "rootNamespace: istio-system"), or remove the ConfigMap from the input`);
  const text = objectAt(entry.manifest as never, 'data')?.[MESH_KEY];
  if (typeof text !== 'string') throw bad(`is ${JSON.stringify(text)}, not a YAML string`);
  let mesh: unknown;
  try {
    mesh = load(text);
  } catch (error) {
    throw bad(`is not valid YAML (${((error as Error).message ?? String(error)).split('\n')[0]})`);
  }
  if (mesh === null || mesh === undefined) mesh = {};
  if (!isObject(mesh)) throw bad(`is ${JSON.stringify(mesh)}, not a mapping of MeshConfig fields`);
  const { rootNamespace, outboundTrafficPolicy } = mesh;
  if (rootNamespace !== undefined && (typeof rootNamespace !== 'string' || namespaceNameProblem(rootNamespace))) {
    throw bad(`has rootNamespace ${JSON.stringify(rootNamespace)}, which is not a namespace name`);
  }
  let mode: unknown;
  if (outboundTrafficPolicy !== undefined && outboundTrafficPolicy !== null) {
    if (!isObject(outboundTrafficPolicy)) throw bad(`has outboundTrafficPolicy ${JSON.stringify(outboundTrafficPolicy)}, not a mapping such as {mode: ALLOW_ANY}`);
    mode = outboundTrafficPolicy.mode;
    if (mode !== undefined && (typeof mode !== 'string' || !OUTBOUND_MODES.includes(mode))) {
      throw bad(`has outboundTrafficPolicy.mode ${JSON.stringify(mode)}, expected "ALLOW_ANY" or "REGISTRY_ONLY"`);
    }
  }
  return {
    source,
    ...(rootNamespace !== undefined ? { rootNamespace: rootNamespace as string } : {}),
    ...(mode !== undefined ? { outboundTrafficPolicyMode: mode as OutboundTrafficMode } : {}),
  };
}

/**
 * The settings with the input's mesh config applied: a root namespace the front door was given
 * (`rootNamespaceGiven`) wins over the ConfigMap's. `spellRoot` names that setting in notes.
 */
export function withMeshConfig(
  settings: RunSettings, entries: readonly ManifestEntry[], rootNamespaceGiven: boolean, spellRoot: string,
): RunSettings {
  const config = readMeshConfig(entries);
  if (!config) return settings;
  const fromConfig = `from ${config.source}`;
  const notes: string[] = [];
  let rootNamespace = settings.rootNamespace;
  if (config.rootNamespace !== undefined && !rootNamespaceGiven) {
    rootNamespace = config.rootNamespace;
    notes.push(`root namespace ${rootNamespace} (${fromConfig})`);
  } else if (config.rootNamespace !== undefined) {
    notes.push(`root namespace ${rootNamespace} (from ${spellRoot}, over ${config.rootNamespace} ${fromConfig})`);
  } else {
    notes.push(`root namespace ${rootNamespace} (${rootNamespaceGiven ? `from ${spellRoot}` : `the default; ${config.source} sets no rootNamespace`})`);
  }
  // A mode the front door was given wins. Left unset, the mode stays unknown to the rules
  // (Istio's default is ALLOW_ANY).
  if (settings.outboundTrafficPolicyMode !== undefined) {
    const over = config.outboundTrafficPolicyMode ? `, over ${config.outboundTrafficPolicyMode} ${fromConfig}` : '';
    notes.push(`outbound traffic policy ${settings.outboundTrafficPolicyMode} (from ${settings.meshConfigSource}${over})`);
    return { ...settings, rootNamespace, notes };
  }
  const mode = config.outboundTrafficPolicyMode;
  notes.push(`outbound traffic policy ${mode ?? 'ALLOW_ANY'} (${mode ? fromConfig : `Istio's default; ${config.source} sets none`})`);
  return { ...settings, rootNamespace, ...(mode ? { outboundTrafficPolicyMode: mode } : {}), meshConfigSource: config.source, notes };
}
