// What the tool is called, its version and where its docs live: read from the package's own
// package.json, so the CLI's --version, SARIF's driver and the HTML picture's rule links agree.
import { readFileSync } from 'fs';
import { join } from 'path';

/** Where the tool and its rule docs live, and what it is called. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  /** The project's home page, e.g. its repository on GitHub. */
  readonly informationUri: string;
  /** The URL of docs/RULES.md; each rule's help points at its section. */
  readonly rulesUri: string;
}

const FALLBACK_HOME = 'https://github.com/cdk8s-istio-sidecar/cdk8s-istio-sidecar';

/** This package's name, version and documentation addresses (lib/ and src/ sit one level below package.json). */
export function toolInfo(): ToolInfo {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string; repository?: { url?: string } };
  const home = (pkg.repository?.url ?? FALLBACK_HOME).replace(/^git\+/, '').replace(/\.git$/, '');
  return { name: 'cdk8s-istio-sidecar', version: pkg.version, informationUri: home, rulesUri: `${home}/blob/main/docs/RULES.md` };
}

/** The address of a rule's section of docs/RULES.md (its heading's anchor). */
export function ruleHelpUri(tool: ToolInfo, ruleId: string): string {
  return `${tool.rulesUri}#${ruleId.toLowerCase()}`;
}
