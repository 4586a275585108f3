import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { SidecarValidationPlugin } from '../../src';

interface Violation { ruleName: string; recommendation: string; fix: string; violatingResources: unknown[] }

/** A stand-in for cdk8s-cli's ValidationContext, holding parsed manifests by path. */
function fakeContext(manifests: { [path: string]: unknown[] }) {
  const violations: Violation[] = [];
  const submitted: string[] = [];
  return {
    violations,
    submitted,
    context: {
      manifests: Object.keys(manifests),
      parseManifest: (path: string) => manifests[path],
      report: {
        addViolation: (v: Violation) => violations.push(v),
        submit: (status: string) => submitted.push(status),
      },
    },
  };
}

const sidecar = (name: string, hosts: string[]) => ({
  apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name, namespace: 'shop' }, spec: { egress: [{ hosts }] },
});

describe('SidecarValidationPlugin', () => {
  test('reports each finding as a violation with the rule, message, fix and field path, and fails on errors', async () => {
    const fake = fakeContext({ 'dist/shop.k8s.yaml': [sidecar('default', ['foo.com'])] });
    await new SidecarValidationPlugin().validate(fake.context);
    expect(fake.submitted).toEqual(['failure']);
    expect(fake.violations).toEqual([{
      ruleName: 'S-HOST-FORMAT (error)',
      recommendation: expect.stringContaining('egress host "foo.com" is invalid'),
      fix: expect.stringContaining('Prefix the DNS name with a namespace'),
      violatingResources: [{ resourceName: 'default', locations: ['spec.egress[0].hosts[0]'], manifestPath: 'dist/shop.k8s.yaml' }],
    }]);
  });

  test('each location gives the line and column of the field in the manifest file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plugin-positions-'));
    try {
      const text = [
        'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c, namespace: shop}', 'data:', '  a: |', '    ---', '    text',
        '---', '# a comment', '---',
        'apiVersion: networking.istio.io/v1', 'kind: Sidecar', 'metadata:', '  name: default', '  namespace: shop',
        'spec:', '  egress:', '    - hosts:', '      - "./*"', '      - "foo.com"', '',
      ].join('\n');
      const file = join(dir, 'shop.k8s.yaml');
      writeFileSync(file, text);
      const violations: Violation[] = [];
      await new SidecarValidationPlugin().validate({
        manifests: [file],
        // As cdk8s-cli's ValidationContext parses a manifest.
        parseManifest: (path: string) => parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS()),
        report: { addViolation: (v: Violation) => violations.push(v), submit: () => undefined },
      });
      expect(violations.map((v) => v.violatingResources)).toEqual([
        [{ resourceName: 'default', locations: ['spec.egress[0].hosts[1] (line 20, column 9)'], manifestPath: file }],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('warnings are reported but pass, unless failOn is warning', async () => {
    const manifests = { 'a.yaml': [sidecar('not-default', ['./*'])] };
    const lenient = fakeContext(manifests);
    await new SidecarValidationPlugin().validate(lenient.context);
    expect(lenient.violations.map((v) => v.ruleName)).toEqual(['S-NAME-DEFAULT (warning)']);
    expect(lenient.submitted).toEqual(['success']);
    const strict = fakeContext(manifests);
    await new SidecarValidationPlugin({ failOn: 'warning' }).validate(strict.context);
    expect(strict.submitted).toEqual(['failure']);
  });

  test('rootNamespace is honoured', async () => {
    const rootWithSelector = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: 'istio-config' },
      spec: { workloadSelector: { labels: { app: 'x' } }, egress: [{ hosts: ['./*'] }] },
    };
    const fake = fakeContext({ 'a.yaml': [rootWithSelector] });
    await new SidecarValidationPlugin({ rootNamespace: 'istio-config' }).validate(fake.context);
    expect(fake.violations.map((v) => v.ruleName)).toContain('X-ROOT-DEFAULT-HAS-SELECTOR (warning)');
  });

  test('registry complete judges selectors of an input without workloads; partial, the default, does not', async () => {
    const selector = { ...sidecar('ratings', ['./*']), spec: { workloadSelector: { labels: { app: 'ratings' } }, egress: [{ hosts: ['./*'] }] } };
    const rules = async (properties: object) => {
      const fake = fakeContext({ 'a.yaml': [selector] });
      await new SidecarValidationPlugin(properties).validate(fake.context);
      return fake.violations.map((v) => v.ruleName);
    };
    expect(await rules({ registry: 'complete' })).toContain('X-SELECTOR-NO-MATCH (warning)');
    expect(await rules({})).not.toContain('X-SELECTOR-NO-MATCH (warning)');
  });

  describe('the istio ConfigMap among the manifests', () => {
    const meshConfigMap = (mesh: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'istio', namespace: 'istio-system' }, data: { mesh } });
    const rootWithSelector = { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'istio-config' }, spec: { workloadSelector: { labels: { app: 'x' } }, egress: [{ hosts: ['./*'] }] } };
    const run = async (properties: object, mesh: string) => {
      const metadata: Array<{ [key: string]: string }> = [];
      const violations: string[] = [];
      await new SidecarValidationPlugin(properties).validate({
        manifests: ['a.yaml'],
        parseManifest: () => [meshConfigMap(mesh), rootWithSelector],
        report: {
          addViolation: (v: Violation) => violations.push(v.ruleName),
          submit: (_status: string, m: { [key: string]: string }) => metadata.push(m),
        },
      });
      return { violations, metadata: metadata[0] };
    };

    test('gives the root namespace, and the report metadata says where it came from', async () => {
      const { violations, metadata } = await run({}, 'rootNamespace: istio-config\n');
      expect(violations).toContain('X-ROOT-DEFAULT-HAS-SELECTOR (warning)');
      expect(metadata).toMatchObject({ rootNamespace: 'istio-config', meshConfig: 'ConfigMap istio-system/istio', registry: 'partial' });
    });

    test('the rootNamespace property wins over it', async () => {
      const { violations, metadata } = await run({ rootNamespace: 'istio-system' }, 'rootNamespace: istio-config\n');
      expect(violations).not.toContain('X-ROOT-DEFAULT-HAS-SELECTOR (warning)');
      expect(metadata.rootNamespace).toBe('istio-system');
    });

    test('a malformed mesh key is an error naming the ConfigMap', async () => {
      await expect(run({}, 'rootNamespace: [oops\n')).rejects.toThrow(/^cdk8s-istio-sidecar plugin: ConfigMap istio-system\/istio \(a.yaml\): data.mesh is not valid YAML/);
    });
  });

  test.each([
    [{ failOn: 'warnings' }, 'cdk8s-istio-sidecar plugin: failOn "warnings" is invalid: expected "error", "warning", "info"'],
    [{ rootNamespace: 3 }, 'cdk8s-istio-sidecar plugin: rootNamespace 3 is invalid: expected a namespace name'],
    [{ rootNamespace: 'Istio_System' }, 'cdk8s-istio-sidecar plugin: rootNamespace "Istio_System" is invalid: expected a namespace name: at most 63 lower-case letters'],
    [{ clusterDomain: 'cluster..local' }, 'cdk8s-istio-sidecar plugin: clusterDomain "cluster..local" is invalid: '],
    [{ rootNamepsace: 'x' }, 'cdk8s-istio-sidecar plugin: unknown property "rootNamepsace" (did you mean "rootNamespace"?); expected rootNamespace, clusterDomain, failOn, registry, outboundTrafficPolicy, rulePacks and maxScopeHosts'],
    [{ a: 1, b: 2 }, 'cdk8s-istio-sidecar plugin: unknown properties "a", "b"; expected rootNamespace, clusterDomain, failOn, registry, outboundTrafficPolicy, rulePacks and maxScopeHosts'],
    [{ registry: 'full' }, 'cdk8s-istio-sidecar plugin: registry "full" is invalid: expected "complete" or "partial" ("complete" when the input is a whole cluster export)'],
  ])('refuses bad properties %j', (properties, message) => {
    expect(() => new SidecarValidationPlugin(properties)).toThrow(message);
  });
});
