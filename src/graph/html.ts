// The picture as one HTML file for people: the SVG inline, the findings as a table with links to
// their rules, and each workload's scope. Self-contained (no script, no stylesheet or font from
// the network), so it opens from a CI artifact, a mail attachment or an air-gapped laptop, and
// reads the same with JavaScript off: the scope lists fold with <details>.
import { RULE_FAILURE_ID } from '../analysis/engine';
import { Finding } from '../analysis/finding';
import { shortRef } from '../analysis/manifest';
import { FindingSummary } from '../analysis/run';
import { ToolInfo, ruleHelpUri } from '../tool-info';

/** One workload's scope, as the HTML lists it. */
export interface ScopeRow {
  /** `Kind ns/name`. */
  readonly workload: string;
  /** The Sidecar it gets and how, or why none applies. */
  readonly sidecar: string;
  /** The outbound policy and where it came from. */
  readonly outbound: string;
  /** `host (ports)`, sorted; empty for a workload without a proxy. */
  readonly hosts: readonly string[];
  /** How many hosts the registry defines for it to see at all. */
  readonly visibleHosts: number;
}

export interface HtmlPicture {
  readonly title: string;
  /** An SVG document, as Graphviz writes it. */
  readonly svg: string;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  readonly scopes: readonly ScopeRow[];
  readonly tool: ToolInfo;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The `<svg>` element alone: the XML declaration and DOCTYPE are not allowed inside HTML. */
function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return start < 0 ? svg : svg.slice(start);
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 1.5rem; color: #1f2328; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.picture { overflow: auto; border: 1px solid #d0d7de; padding: .5rem; }
.picture svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.error { color: #b00020; font-weight: 600; } td.warning { color: #9a6700; font-weight: 600; } td.info { color: #0969da; }
tr.suppressed td { color: #6e7781; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.legend span { display: inline-block; margin-right: 1.2rem; }
.swatch { display: inline-block; width: 1.6rem; height: 0; vertical-align: middle; margin-right: .3rem; border-top: 2px solid; }
`;

function legend(): string {
  const item = (style: string, text: string) => `<span><span class="swatch" style="${style}"></span>${escapeHtml(text)}</span>`;
  return `<p class="legend">${[
    item('border-color: #666', 'imported by the scope'),
    item('border-color: darkgreen', 'declared call, served'),
    item('border-color: orange; border-top-style: dashed', 'declared call, passed through (ALLOW_ANY)'),
    item('border-color: red; border-top-width: 3px', 'declared call, blocked'),
  ].join('')}</p>`;
}

function findingsTable(picture: HtmlPicture): string {
  const { findings, summary, tool } = picture;
  const counts = `${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info, ${summary.suppressed} suppressed`;
  if (findings.length === 0) return '<h2 id="findings">Findings</h2>\n<p>No findings.</p>';
  const rows = findings.map((f) => {
    const suppressed = f.suppressedReason !== undefined;
    const severity = suppressed ? `${f.severity} (suppressed)` : f.severity;
    const message = `${escapeHtml(f.message)}${suppressed ? ` <em>Suppressed: ${escapeHtml(f.suppressedReason!)}</em>` : ''}`;
    // The severity's value (error, warning, info) is its style class.
    return `<tr${suppressed ? ' class="suppressed"' : ''}><td class="${f.severity}">${escapeHtml(severity)}</td>`
      // A rule that failed is a bug of ours, with no section in RULES.md to link.
      + `<td>${f.ruleId === RULE_FAILURE_ID ? `<code>${escapeHtml(f.ruleId)}</code>` : `<a href="${escapeHtml(ruleHelpUri(tool, f.ruleId))}"><code>${escapeHtml(f.ruleId)}</code></a>`}</td>`
      + `<td>${escapeHtml(shortRef(f.resource))}${f.location !== undefined ? `<br><code>${escapeHtml(f.location)}</code>` : ''}</td>`
      + `<td><code>${escapeHtml(f.path)}</code></td><td>${message}</td></tr>`;
  });
  return [
    '<h2 id="findings">Findings</h2>',
    `<p>${escapeHtml(counts)}</p>`,
    '<table class="findings"><thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Field</th><th>Message</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

function scopesTable(scopes: readonly ScopeRow[]): string {
  const rows = scopes.map((s) => {
    const hosts = s.hosts.length === 0
      ? '(none)'
      : `<details><summary>${s.hosts.length} of ${s.visibleHosts} host(s)</summary><ul>${s.hosts.map((h) => `<li><code>${escapeHtml(h)}</code></li>`).join('')}</ul></details>`;
    return `<tr><td>${escapeHtml(s.workload)}</td><td>${escapeHtml(s.sidecar)}</td><td>${escapeHtml(s.outbound)}</td><td>${hosts}</td></tr>`;
  });
  return [
    '<h2 id="scopes">Scopes</h2>',
    '<p>What each workload\'s proxy imports: the hosts it has routes for, with their ports.</p>',
    '<table class="scopes"><thead><tr><th>Workload</th><th>Sidecar</th><th>Outbound policy</th><th>Hosts</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('\n');
}

/** The whole page. */
export function toHtml(picture: HtmlPicture): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network: nothing but inline styles and images may load.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">',
    `<title>${escapeHtml(picture.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(picture.title)}</h1>`,
    `<p>Drawn by ${escapeHtml(picture.tool.name)} ${escapeHtml(picture.tool.version)} from the configuration, before it is applied. `
      + '<a href="#findings">Findings</a> · <a href="#scopes">Scopes</a></p>',
    legend(),
    `<div class="picture">${inlineSvg(picture.svg)}</div>`,
    findingsTable(picture),
    scopesTable(picture.scopes),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
