import { readFileSync } from 'fs';
import { Finding } from '../analysis/finding';
import { ManifestEntry } from '../analysis/manifest';
import { MeshConfigError, withMeshConfig } from '../analysis/mesh-config';
import { findRule } from '../analysis/rules';
import { RunSettings, RunSettingsInput, resolveRunSettings, runAnalysis } from '../analysis/run';
import { PropNames, unknownKeysProblem } from '../analysis/unknown-keys';
import { FieldRequest, SourcePosition, entryOfFindings, locateFields } from '../positions';

/** The `properties` the plugin reads from cdk8s.yaml, as the run settings name them. */
const KNOWN_PROPERTIES: PropNames<RunSettingsInput> = {
  rootNamespace: true, clusterDomain: true, failOn: true, registry: true, outboundTrafficPolicy: true, rulePacks: true, maxScopeHosts: true,
};

/** The part of cdk8s-cli's ValidationContext the plugin uses (typed here: cdk8s-cli is not a dependency). */
interface PluginContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: Array<{ resourceName: string; locations: string[]; manifestPath: string }>;
    }): void;
    submit(status: 'success' | 'failure', metadata?: { [key: string]: string }): void;
  };
  parseManifest(manifestPath: string): unknown[];
}

/**
 * A cdk8s-cli validation plugin: `cdk8s synth` runs the same engine as the app validation and
 * the lint CLI over the synthesized manifests, and fails when a finding reaches `failOn`.
 *
 * Configure it under `validations:` in cdk8s.yaml with `class: SidecarValidationPlugin`, the
 * package (by path, `./node_modules/cdk8s-istio-sidecar`, or by name once it is published), this
 * package's version, and the `properties` below; the README's plugin section has the entry to
 * copy, which the plugin's end-to-end test runs as written.
 */
export class SidecarValidationPlugin {
  private readonly settings: RunSettings;
  private readonly rootNamespaceGiven: boolean;

  /**
   * @param properties the `properties` of the plugin's entry in cdk8s.yaml: `rootNamespace`
   * (default: the `istio` ConfigMap among the manifests, else istio-system), `clusterDomain`
   * (default cluster.local), `failOn` (`error`, the default, `warning` or `info`) and `registry`
   * (`partial`, the default, or `complete` when the manifests are the whole service registry)
   * and `outboundTrafficPolicy` (`REGISTRY_ONLY` or `ALLOW_ANY`, the mesh's mode; default: the
   * `istio` ConfigMap among the manifests, else unknown), `rulePacks` (a list of opt-in rule
   * packs, e.g. `[least-privilege]`; default none) and `maxScopeHosts` (P-SCOPE-SIZE's
   * threshold, default 100)
   */
  public constructor(properties: { [key: string]: any } = {}) {
    const unknown = unknownKeysProblem(properties, KNOWN_PROPERTIES, ['property', 'properties']);
    if (unknown) throw new Error(`cdk8s-istio-sidecar plugin: ${unknown}`);
    const { rootNamespace, clusterDomain, failOn, registry, outboundTrafficPolicy, rulePacks, maxScopeHosts } = properties ?? {};
    this.settings = resolveRunSettings({ rootNamespace, clusterDomain, failOn, registry, outboundTrafficPolicy, rulePacks, maxScopeHosts }, (name) => `cdk8s-istio-sidecar plugin: ${name}`);
    this.rootNamespaceGiven = rootNamespace !== undefined;
  }

  /**
   * Called by cdk8s-cli after synth with the manifests it wrote.
   *
   * @param context cdk8s-cli's validation context: the manifests, and the report to fill in
   */
  public async validate(context: any): Promise<void> {
    const ctx = context as PluginContext;
    const entries: ManifestEntry[] = [];
    const documentOf: number[] = [];
    for (const manifestPath of ctx.manifests) {
      ctx.parseManifest(manifestPath).forEach((manifest, document) => {
        entries.push({ manifest, location: manifestPath });
        documentOf.push(document);
      });
    }
    let settings: RunSettings;
    try {
      settings = withMeshConfig(this.settings, entries, this.rootNamespaceGiven, 'the rootNamespace property');
    } catch (error) {
      if (error instanceof MeshConfigError) throw new Error(`cdk8s-istio-sidecar plugin: ${error.message}`);
      throw error;
    }
    const result = runAnalysis(entries, settings);
    const active = result.findings.filter((f) => f.suppressedReason === undefined);
    const positions = locate(active, entries, documentOf);
    active.forEach((finding, i) => {
      const position = positions[i];
      ctx.report.addViolation({
        ruleName: `${finding.ruleId} (${finding.severity})`,
        recommendation: finding.message,
        fix: findRule(finding.ruleId)?.fix ?? 'see docs/RULES.md of cdk8s-istio-sidecar',
        violatingResources: [{
          resourceName: finding.resource.name,
          // cdk8s-cli prints each location on a line of its own, under the manifest's path.
          locations: [`${finding.path || '.'}${position ? ` (line ${position.line}, column ${position.column})` : ''}`],
          manifestPath: finding.location ?? '',
        }],
      });
    });
    const { errors, warnings, infos, suppressed } = result.summary;
    ctx.report.submit(result.blocking.length > 0 ? 'failure' : 'success', {
      rootNamespace: settings.rootNamespace,
      failOn: settings.failOn,
      registry: settings.registry,
      ...(settings.meshConfigSource ? { meshConfig: settings.meshConfigSource } : {}),
      errors: String(errors),
      warnings: String(warnings),
      infos: String(infos),
      suppressed: String(suppressed),
    });
  }
}

/**
 * The line and column of each finding in its manifest. cdk8s-cli parsed the manifests with
 * `yaml`'s parseAllDocuments; only the files with findings are parsed again, keeping positions.
 * A manifest that cannot be read again (gone, or not a file) gives no position.
 */
function locate(findings: readonly Finding[], entries: readonly ManifestEntry[], documentOf: readonly number[]): Array<SourcePosition | undefined> {
  const positions: Array<SourcePosition | undefined> = new Array(findings.length).fill(undefined);
  const byFile = new Map<string, Array<{ finding: number; request: FieldRequest }>>();
  entryOfFindings(findings, entries).forEach((entry, finding) => {
    if (entry === undefined) return;
    const file = entries[entry].location!;
    const list = byFile.get(file) ?? [];
    list.push({ finding, request: { document: documentOf[entry], path: findings[finding].path } });
    byFile.set(file, list);
  });
  for (const [file, wanted] of byFile) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    } catch {
      continue;
    }
    const found = locateFields(text, wanted.map((w) => w.request));
    wanted.forEach(({ finding }, i) => { positions[finding] = found[i]; });
  }
  return positions;
}
