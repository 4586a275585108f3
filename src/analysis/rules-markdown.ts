import { stringify } from 'yaml';
import { Rule } from './rule';
import { PACK_RULES } from './rules';
import { PINNED_CRD, fieldsNewerThanPinnedRelease } from './schema/model';

const GROUPS: ReadonlyArray<[prefix: string, title: string, intro?: string]> = [
  ['S-', 'Rules about one Sidecar'],
  ['X-', 'Rules across objects'],
  ['P-', 'Least-privilege pack (opt-in)',
    'Rules about how much each proxy can see and reach. They are off by default: turn the pack on with '
    + '`IstioMesh.configure(app, { rulePacks: [RulePack.LEAST_PRIVILEGE] })`, the CLI\'s `lint --pack least-privilege`, '
    + 'the plugin\'s `rulePacks: [least-privilege]` property or `MeshAnalysis.analyze(manifests, { rulePacks: [RulePack.LEAST_PRIVILEGE] })`; '
    + 'P-SCOPE-SIZE\'s threshold is the `maxScopeHosts` setting (`--max-scope-hosts` on the CLI, default 100).'],
];

/**
 * docs/RULES.md, generated from the rule registry so the docs never drift from the rules: `rules`,
 * then the opt-in packs' rules in a section of their own.
 */
export function renderRulesMarkdown(defaultRules: readonly Rule[], packRules: readonly Rule[] = PACK_RULES): string {
  const rules = [...defaultRules, ...packRules.filter((r) => !defaultRules.includes(r))];
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from the rule registry (src/analysis/rules) by `npx projen docgen:rules`. Do not edit. -->',
    '',
    'Every rule the engine runs, the same in `cdk8s synth`, the `cdk8s-istio-sidecar` CLI and the cdk8s-cli plugin.',
    'Errors fail synth and lint; warnings are reported. Suppress a rule for a construct subtree with',
    '`RuleSuppressions.add(scope, ruleId, reason)`.',
    '',
    ...schemaNote(),
    '| Rule | Severity | What is checked |',
    '| --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${anchor(r.id)}) | ${r.severity}${r.pack ? ` (${r.pack} pack, opt-in)` : ''} | ${cell(r.title)} |`),
    '',
  ];
  for (const [prefix, title, intro] of GROUPS) {
    const group = rules.filter((r) => r.id.startsWith(prefix));
    if (group.length === 0) continue;
    out.push(`## ${title}`, '', ...(intro ? [intro, ''] : []));
    for (const rule of group) out.push(...renderRule(rule));
  }
  return out.join('\n');
}

/** Which CRD the schema rules (source "Sidecar CRD schema") follow. */
function schemaNote(): string[] {
  const newer = fieldsNewerThanPinnedRelease().map((path) => `\`${path}\``);
  return [
    `The rules that mirror the Sidecar CRD schema follow the CRD of ${PINNED_CRD.description}; a test checks the engine's schema model against it.`,
    `The model also knows fields that release lacks and later releases have (its API server drops them): ${newer.join(', ')}.`,
    '',
  ];
}

function renderRule(rule: Rule): string[] {
  return [
    `### ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `- Severity: ${rule.severity}`,
    ...(rule.pack ? [`- Pack: ${rule.pack} (opt-in)`] : []),
    `- Mirrors: ${rule.sources.join('; ')}`,
    `- References: ${rule.references.length > 0 ? rule.references.join(', ') : 'none'}`,
    '',
    `Why: ${rule.why}`,
    '',
    `Fix: ${rule.fix}`,
    '',
    ...(rule.scope === 'mesh' ? [`Registry assumption: ${rule.registryAssumption}`, ''] : []),
    ...(rule.scope === 'mesh' && rule.reportsEachSubject ? ['Suppression: each object involved gets its own finding, naming the others; a suppression silences only the finding of the object it is on.', ''] : []),
    'Failing example:',
    '',
    ...yamlBlock(rule.examples.failing),
    'Passing example:',
    '',
    ...yamlBlock(rule.examples.passing),
  ];
}

function yamlBlock(manifests: readonly unknown[]): string[] {
  const docs = manifests.map((m) => stringify(m, { lineWidth: 0 }).trimEnd());
  return ['```yaml', docs.join('\n---\n'), '```', ''];
}

function anchor(id: string): string {
  return id.toLowerCase();
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
