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

  test('names the Istio release the schema is pinned to', () => {
    expect(renderRulesMarkdown(RULES)).toContain(`the CRD of ${PINNED_CRD.description}`);
  });
});
