// Writes docs/RULES.md from the rule registry and the schema model (which names the Istio release
// its CRD is pinned to). Run by the build (`npx projen docgen:rules`); a test checks it is current.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { RULES } from '../src/analysis/rules';
import { renderRulesMarkdown } from '../src/analysis/rules-markdown';

writeFileSync(join(__dirname, '..', 'docs', 'RULES.md'), renderRulesMarkdown(RULES));
