// The CLI's registry setting, the mesh config it reads from its input, and what its JSON and
// text outputs say about the other objects of a finding: in-process (src), no build.
import { stringify } from 'yaml';
import { lintInProcess } from './in-process';
import { SUPPRESS_ANNOTATION } from '../../src/analysis/suppression-annotation';
import { main } from '../../src/cli/main';

const yaml = (...manifests: object[]) => manifests.map((m) => stringify(m)).join('---\n');
const sidecar = (namespace: string, name: string, spec: object, metadata: object = {}) =>
  ({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name, namespace, ...metadata }, spec });
const meshConfigMap = (mesh: unknown, namespace = 'istio-system') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace }, data: { mesh } });
const rootWithSelector = sidecar('istio-config', 'default', { workloadSelector: { labels: { app: 'x' } }, egress: [{ hosts: ['./*'] }] });
const json = (args: string[], stdin: string) => JSON.parse(lintInProcess(['--format', 'json', ...args, '-'], stdin).stdout);
const LOOKUPS = ['X-EGRESS-HOST-NOT-FOUND', 'X-SELECTOR-NO-MATCH'];
/** The findings of the rules that look something up in the registry. */
const lookups = (args: string[], stdin: string): Array<{ ruleId: string; message: string }> =>
  json(args, stdin).findings.filter((f: { ruleId: string }) => LOOKUPS.includes(f.ruleId));

describe('lint --registry', () => {
  const selectorOnly = yaml(sidecar('shop', 'ratings', { workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*', 'shop/cart.shop.svc.cluster.local'] }] }));

  test('complete: an input without Services or workloads has none, so hosts and selectors are judged, saying so', () => {
    const findings = lookups(['--registry', 'complete'], selectorOnly);
    expect(findings.map((f) => f.ruleId).sort()).toEqual(LOOKUPS);
    for (const f of findings) expect(f.message).toMatch(/\(assumed: the input is the whole registry, registry "complete"\)$/);
  });

  test('partial (the default, or given) stays silent on such an input', () => {
    expect(lookups([], selectorOnly)).toEqual([]);
    expect(lookups(['--registry', 'partial'], selectorOnly)).toEqual([]);
  });

  test('an unknown value -> exit 2 naming the flag, the value and the choices', () => {
    const { code, stderr } = lintInProcess(['--registry', 'full', '-'], selectorOnly);
    expect(code).toBe(2);
    expect(stderr).toBe('cdk8s-istio-sidecar: --registry "full" is invalid: expected "complete" or "partial" ("complete" when the input is a whole cluster export)\n');
  });
});

describe('lint reads the mesh config of the input\'s istio ConfigMap', () => {
  test('its rootNamespace is used, and the text output says where it came from', () => {
    const { code, stdout } = lintInProcess(['-'], yaml(meshConfigMap('rootNamespace: istio-config\n'), rootWithSelector));
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.some((l) => l.includes('X-ROOT-DEFAULT-HAS-SELECTOR'))).toBe(true);
    expect(lines.slice(-3)).toEqual([
      'root namespace istio-config (from ConfigMap istio-system/istio)',
      'outbound traffic policy ALLOW_ANY (Istio\'s default; ConfigMap istio-system/istio sets none)',
      expect.stringMatching(/^0 errors, 1 warning/),
    ]);
  });

  test('--root-namespace wins, and the output says it did', () => {
    const { stdout } = lintInProcess(['--root-namespace', 'istio-system', '-'], yaml(meshConfigMap('rootNamespace: istio-config\n'), rootWithSelector));
    expect(stdout).not.toContain('X-ROOT-DEFAULT-HAS-SELECTOR');
    expect(stdout).toContain('root namespace istio-system (from --root-namespace, over istio-config from ConfigMap istio-system/istio)\n');
  });

  test('the istio-system ConfigMap is preferred over one of another namespace', () => {
    const { stdout } = lintInProcess(['-'], yaml(meshConfigMap('rootNamespace: elsewhere\n', 'other'), meshConfigMap('rootNamespace: istio-config\n'), rootWithSelector));
    expect(stdout).toContain('root namespace istio-config (from ConfigMap istio-system/istio)\n');
  });

  test('its outboundTrafficPolicy mode is what a Sidecar without one runs with', () => {
    const input = (mode: string) => yaml(
      meshConfigMap(`outboundTrafficPolicy:\n  mode: ${mode}\n`),
      sidecar('shop', 'default', { egress: [{ hosts: ['./*', 'shop/gone.example.com'] }] }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } },
    );
    const message = (mode: string) => json([], input(mode)).findings.find((f: { ruleId: string }) => f.ruleId === 'X-EGRESS-HOST-NOT-FOUND').message;
    expect(message('REGISTRY_ONLY')).toContain('(and this Sidecar runs REGISTRY_ONLY (the mesh\'s, from ConfigMap istio-system/istio), so calls to "gone.example.com" fail)');
    expect(message('ALLOW_ANY')).toContain('(this Sidecar runs ALLOW_ANY (the mesh\'s, from ConfigMap istio-system/istio), so calls to "gone.example.com" pass through');
    expect(lintInProcess(['-'], input('REGISTRY_ONLY')).stdout).toContain('outbound traffic policy REGISTRY_ONLY (from ConfigMap istio-system/istio)\n');
  });

  test('explain uses it too, and its text output says so', () => {
    let stdout = '';
    main(['explain', '-'], { stdout: (text) => { stdout += text; }, stderr: () => undefined, readStdin: () => yaml(meshConfigMap('rootNamespace: istio-config\n'), rootWithSelector) });
    expect(stdout.split('\n')).toContain('root namespace istio-config (from ConfigMap istio-system/istio)');
  });

  test('without the ConfigMap nothing is said about the mesh config', () => {
    expect(lintInProcess(['-'], yaml(rootWithSelector)).stdout).not.toContain('root namespace');
  });

  test.each([
    ['not YAML', 'rootNamespace: [oops\n', /data\.mesh is not valid YAML/],
    ['not a mapping', '- a\n', /data\.mesh is \["a"\], not a mapping of MeshConfig fields/],
    ['a bad root namespace', 'rootNamespace: Istio_Config\n', /data\.mesh has rootNamespace "Istio_Config", which is not a namespace name/],
    ['a bad mode', 'outboundTrafficPolicy: {mode: BLOCK}\n', /data\.mesh has outboundTrafficPolicy\.mode "BLOCK", expected "ALLOW_ANY" or "REGISTRY_ONLY"/],
    ['not a string', { rootNamespace: 'x' }, /data\.mesh is \{"rootNamespace":"x"\}, not a YAML string/],
  ])('a mesh key that is %s -> exit 2 naming the ConfigMap and the fix', (_name, mesh, problem) => {
    const { code, stdout, stderr } = lintInProcess(['-'], yaml(meshConfigMap(mesh), rootWithSelector));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^cdk8s-istio-sidecar: ConfigMap istio-system\/istio \(<stdin>\): /);
    expect(stderr).toMatch(problem);
    expect(stderr).toContain('fix it as MeshConfig YAML (e.g. "rootNamespace: istio-system"), or remove the ConfigMap from the input');
  });
});

describe('lint output names the other objects of a finding', () => {
  const conflict = yaml(
    sidecar('shop', 'default', { egress: [{ hosts: ['./*'] }] }),
    sidecar('shop', 'other', { egress: [{ hosts: ['./*'] }] }, { annotations: { [SUPPRESS_ANNOTATION]: JSON.stringify({ 'S-NAME-DEFAULT': 'legacy name kept until the namespace migrates' }) } }),
  );

  test('JSON: related objects with apiVersion, kind, namespace, name and file; the summary counts suppressed findings', () => {
    const output = json([], conflict);
    const finding = output.findings.find((f: { ruleId: string }) => f.ruleId === 'X-NS-MULTIPLE-SELECTORLESS');
    expect(finding.related).toContainEqual({ apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', namespace: 'shop', name: expect.any(String), file: '<stdin>' });
    expect(Object.keys(finding.related[0])).toEqual(['apiVersion', 'kind', 'namespace', 'name', 'file']);
    expect(Object.keys(output.summary)).toEqual(['errors', 'warnings', 'infos', 'resources', 'suppressed']);
    expect(output.summary.suppressed).toBe(1);
  });

  test('text: the other object by kind, namespace and name, then its file', () => {
    const line = lintInProcess(['-'], conflict).stdout.split('\n').find((l) => l.includes('X-NS-MULTIPLE-SELECTORLESS'));
    expect(line).toMatch(/\(also: Sidecar shop\/(default|other) \[<stdin>\]/);
  });
});
