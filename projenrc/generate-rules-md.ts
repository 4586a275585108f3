// Writes docs/RULES.md from the rule registry. Run by the build (`npx projen docgen:rules`).
import { writeFileSync } from 'fs';
import { join } from 'path';
import { RULES } from '../src/analysis/rules';
import { renderRulesMarkdown } from '../src/analysis/rules-markdown';

writeFileSync(join(__dirname, '..', 'docs', 'RULES.md'), renderRulesMarkdown(RULES));
