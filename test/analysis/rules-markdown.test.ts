import { readFileSync } from 'fs';
import { join } from 'path';
import { RULES } from '../../src/analysis/rules';
import { renderRulesMarkdown } from '../../src/analysis/rules-markdown';
import { PINNED_CRD } from '../../src/analysis/schema';

const RULES_MD = join(__dirname, '..', '..', 'docs', 'RULES.md');

describe('docs/RULES.md', () => {
  test('is what the registry renders (regenerate with projenrc/generate-rules-md.ts)', () => {
    expect(readFileSync(RULES_MD, 'utf8')).toBe(renderRulesMarkdown(RULES));
  });

  test('says, for every rule across objects, what it assumes about the registry; for no rule about one Sidecar', () => {
    const markdown = renderRulesMarkdown(RULES);
    const sections = markdown.split(/^### /m).slice(1);
    const assumption = (id: string) => /^Registry assumption: (.+)$/m.exec(sections.find((section) => section.startsWith(`${id}\n`)) ?? '')?.[1];
    for (const rule of RULES) {
      // The id in front names the rule when this fails.
      expect(`${rule.id}: ${assumption(rule.id) ?? ''}`).toMatch(rule.scope === 'mesh' ? /^\S+: \w{3,}/ : /^\S+: $/);
    }
    expect(assumption('X-EGRESS-HOST-NOT-FOUND')).toContain('registry "complete"');
  });

  test('names the Istio release the schema is pinned to', () => {
    expect(renderRulesMarkdown(RULES)).toContain(`the CRD of ${PINNED_CRD.description}`);
  });
});
