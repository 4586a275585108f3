import { analyze, isBlocking } from '../analysis/engine';
import { Severity } from '../analysis/finding';
import { ManifestEntry } from '../analysis/manifest';
import { findRule } from '../analysis/rules';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_ROOT_NAMESPACE } from '../analysis/snapshot';
import { fqdnProblem, namespaceNameProblem } from '../analysis/syntax/dns';

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

const FAIL_ON: { readonly [name: string]: Severity } = { error: Severity.ERROR, warning: Severity.WARNING };

/**
 * A cdk8s-cli validation plugin: `cdk8s synth` runs the same engine as the app validation and
 * the lint CLI over the synthesized manifests, and fails when a finding reaches `failOn`.
 *
 * ```yaml
 * # cdk8s.yaml
 * validations:
 *   - package: cdk8s-istio-sidecar
 *     version: 0.1.0
 *     class: SidecarValidationPlugin
 *     properties:
 *       rootNamespace: istio-config   # default istio-system
 *       clusterDomain: cluster.local  # default
 *       failOn: error                 # or warning
 * ```
 */
export class SidecarValidationPlugin {
  private readonly rootNamespace: string;
  private readonly clusterDomain: string;
  private readonly failOn: Severity;

  /**
   * @param properties the `properties` of the plugin's entry in cdk8s.yaml: `rootNamespace`
   * (default istio-system), `clusterDomain` (default cluster.local) and `failOn` (`error`, the
   * default, or `warning`)
   */
  public constructor(properties: { [key: string]: any } = {}) {
    const { rootNamespace = DEFAULT_ROOT_NAMESPACE, clusterDomain = DEFAULT_CLUSTER_DOMAIN, failOn = 'error', ...unknown } = properties ?? {};
    const extra = Object.keys(unknown);
    if (extra.length > 0) {
      throw new Error(`cdk8s-istio-sidecar plugin: unknown properties ${extra.map((k) => `"${k}"`).join(', ')}; expected rootNamespace, clusterDomain and failOn`);
    }
    const namespaceProblem = typeof rootNamespace === 'string' ? namespaceNameProblem(rootNamespace) : 'expected a namespace name';
    if (namespaceProblem) throw new Error(`cdk8s-istio-sidecar plugin: rootNamespace ${JSON.stringify(rootNamespace)} is invalid: ${namespaceProblem}`);
    const domainProblem = typeof clusterDomain === 'string' ? fqdnProblem(clusterDomain) : 'expected a DNS domain';
    if (domainProblem) throw new Error(`cdk8s-istio-sidecar plugin: clusterDomain ${JSON.stringify(clusterDomain)} is invalid: ${domainProblem}`);
    if (typeof failOn !== 'string' || !(failOn in FAIL_ON)) {
      throw new Error(`cdk8s-istio-sidecar plugin: failOn must be "error" or "warning", not ${JSON.stringify(failOn)}`);
    }
    this.rootNamespace = rootNamespace;
    this.clusterDomain = clusterDomain;
    this.failOn = FAIL_ON[failOn];
  }

  /** Called by cdk8s-cli after synth with the manifests it wrote. */
  public async validate(context: any): Promise<void> {
    const ctx = context as PluginContext;
    const entries: ManifestEntry[] = ctx.manifests.flatMap((manifestPath) =>
      ctx.parseManifest(manifestPath).map((manifest) => ({ manifest, location: manifestPath })));
    const findings = analyze(entries, { rootNamespace: this.rootNamespace, clusterDomain: this.clusterDomain });
    for (const finding of findings) {
      if (finding.suppressedReason !== undefined) continue;
      ctx.report.addViolation({
        ruleName: `${finding.ruleId} (${finding.severity})`,
        recommendation: finding.message,
        fix: findRule(finding.ruleId)?.fix ?? 'see docs/RULES.md of cdk8s-istio-sidecar',
        violatingResources: [{
          resourceName: finding.resource.name,
          locations: [finding.path || '.'],
          manifestPath: finding.location ?? '',
        }],
      });
    }
    const failed = findings.some((f) => isBlocking(f, this.failOn));
    ctx.report.submit(failed ? 'failure' : 'success', { rootNamespace: this.rootNamespace, findings: String(findings.length) });
  }
}
