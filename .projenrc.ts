import { JsonFile, cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-istio-sidecar',
  description:
    'Typed, validated Istio Sidecar resources for cdk8s: pattern constructs, a typed model of every Sidecar field, and app-wide synth-time validation.',
  keywords: ['cdk8s', 'istio', 'sidecar', 'service-mesh', 'kubernetes', 'validation'],
  author: 'cdk8s-istio-sidecar maintainers',
  authorAddress: 'maintainers@cdk8s-istio-sidecar.dev',
  repositoryUrl: 'https://github.com/cdk8s-istio-sidecar/cdk8s-istio-sidecar.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // The oldest cdk8s/constructs we support; projen pins exactly these as dev
  // dependencies, so the tests run against the minimum and users get a caret range.
  cdk8sVersion: '2.70.0',
  constructsVersion: '10.3.0',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.3',

  // No GitHub here: CI is .ci/run, releases are not automated yet.
  github: false,
  release: false,
  depsUpgrade: false,

  // jsii targets, so `jsii-pacmak --code-only` proves the API is usable from every language.
  publishToPypi: { distName: 'cdk8s-istio-sidecar', module: 'cdk8s_istio_sidecar' },
  publishToMaven: {
    javaPackage: 'io.github.cdk8s_istio_sidecar',
    mavenGroupId: 'io.github.cdk8s-istio-sidecar',
    mavenArtifactId: 'cdk8s-istio-sidecar',
  },
  publishToGo: { moduleName: 'github.com/cdk8s-istio-sidecar/cdk8s-istio-sidecar-go' },
  publishToNuget: { dotNetNamespace: 'Cdk8sIstioSidecar', packageId: 'Cdk8sIstioSidecar' },

  jestOptions: {
    jestVersion: '^29',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Coverage is a separate task (test:coverage): collecting it for every suite, each of which
      // loads most of src/, made the suite about six times slower, and CI runs the tests.
      collectCoverage: false,
      // jest's transform cache lives with the dependencies, not in the temporary folder, which a
      // test run leaves as it found it.
      cacheDirectory: '<rootDir>/node_modules/.cache/jest',
      // Every run gets a temporary folder of its own (workers inherit it through TMPDIR), and
      // the teardown removes it: `Testing.app()` mkdtemps an outdir per app and nothing else
      // would remove them. The setup also compiles lib/ when it is missing or older than src/,
      // for the tests that run the built bin or plugin (see test/setup/global-setup.ts).
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  },
  bin: { 'cdk8s-istio-sidecar': 'lib/cli/main.js' },
  deps: ['yaml@^2.8.0', 'js-yaml@^4', '@viz-js/viz@^3.31.0'],
  // jsii bundles runtime dependencies that are not jsii modules.
  bundledDeps: ['yaml', 'js-yaml', '@viz-js/viz'],
  devDeps: ['@kubernetes-models/istio@3.0.1', '@types/js-yaml@^4', '@types/sarif@^2.1.7', 'cdk8s-plus-33@^2.5.57', 'cdk8s-cli@^2.200.0', 'fast-check@^4', 'mermaid@^12', 'puppeteer-core@^24.43.1', 'ts-node@^10'],

  gitignore: ['/dist/', '/cdk8s.out/', '/.jsii.tabl.json'],

  // The npm package (and the tarball jsii-pacmak embeds in every other language's package) holds
  // what users run and read: lib/, .jsii, the README, API.md, docs/ and the license. Everything
  // else at the top level stays out, so new folders (.ci/, bench/, examples/, rosetta/, ...) do
  // not leak in; projen adds its own patterns after these. test/package.test.ts checks the list.
  npmIgnoreOptions: {
    ignorePatterns: ['/*', '!/lib/', '!/docs/', '!/API.md', '!/README.md', '!/LICENSE'],
  },
  // No source maps in lib/: with them, a failed synth under ts-node (which honours inline maps in
  // node_modules too) shows frames in src/*.ts, which the package does not ship. Plain frames in
  // lib/*.js point at files users have, and the package is a third of the size. Tests and the
  // examples run the TypeScript sources (ts-jest, ts-node), with maps of their own.
  tsconfig: {
    compilerOptions: { inlineSourceMap: false, inlineSources: false },
  },
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'projenrc', 'examples', 'bench'] },
});

// examples/ and bench/ are type-checked and linted like the tests, against the sources.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../tsconfig.json', compilerOptions: { noEmit: true, rootDir: '..' }, include: ['**/*.ts'] },
  });
}
const tsNode = (tsconfig: string, script: string) => `ts-node --transpile-only --project ${tsconfig} ${script}`;


// jsii writes lib/ over what is there, so a source deleted or renamed would leave its old output
// in lib/ and in the package: after each compile, remove the outputs whose source is gone.
const pruneLib = [
  'const fs = require(\'fs\'), path = require(\'path\');',
  'const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);',
  'for (const f of walk(\'lib\')) if (!fs.existsSync(f.replace(/^lib/, \'src\').replace(/(\\.d\\.ts|\\.js)$/, \'.ts\'))) fs.rmSync(f);',
].join(' ');
project.compileTask.exec(`node -e "${pruneLib}"`);
// The bin must be executable inside the tarball: npm sets the mode on `npm install`, but the
// jsii runtime of every other language runs the bin straight from the embedded tarball.
project.compileTask.exec('node -e "require(\'fs\').chmodSync(\'lib/cli/main.js\', 0o755)"');

// The README's and the API docs' TypeScript snippets must compile (strict, with the fixture in
// rosetta/) and be translated, so the Python, Java, C# and Go packages show their own language:
// pacmak reads the translations from .jsii.tabl.json. Examples inherited from cdk8s (on
// ApiObject's members) are in no tablet: pacmak translates those on the fly, unchecked.
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile and translate the README and doc snippets (jsii-rosetta, strict)',
  exec: 'jsii-rosetta extract --strict .jsii',
});
project.postCompileTask.prependSpawn(rosetta);

// Proves the public API is jsii-clean for every target language. Generates code only:
// the language toolchains are not needed, nor packaging.
const codeOnly = project.addTask('pacmak:code-only', {
  description: 'Generate Python, Java, Go and .NET bindings (code only) to prove the API is jsii-clean',
  exec: 'jsii-pacmak --code-only --rosetta-unknown-snippets translate --outdir dist/code-only --target python --target java --target go --target dotnet',
});
// The generated Python README shows Python: no TypeScript left in its python blocks, and no
// `new X(` in the module's docstrings.
const pythonDocs = ['README.md', 'src/cdk8s_istio_sidecar/__init__.py'].map((f) => `dist/code-only/python/${f}`).join(' ');
codeOnly.exec(tsNode('projenrc/tsconfig.json', `rosetta/check-python-docs.ts ${pythonDocs}`));
project.postCompileTask.spawn(codeOnly);

// docs/RULES.md is generated from the rule registry, like API.md from the API.
const rulesDoc = project.addTask('docgen:rules', {
  description: 'Generate docs/RULES.md from the rule registry',
  exec: tsNode('projenrc/tsconfig.json', 'projenrc/generate-rules-md.ts'),
});
project.postCompileTask.spawn(rulesDoc);

// The README's picture of examples/mesh, drawn by the app's own synth (the graphFile setting,
// through its environment variable), so the committed SVG is always what the build draws.
const meshPicture = project.addTask('docgen:mesh-picture', {
  description: 'Draw docs/images/mesh.svg, the README\'s picture of examples/mesh, at its synth',
});
meshPicture.exec(`CDK8S_OUTDIR=dist/mesh-picture CDK8S_ISTIO_SIDECAR_QUIET=1 CDK8S_ISTIO_SIDECAR_GRAPH=docs/images/mesh.svg ${tsNode('examples/tsconfig.json', 'examples/mesh/main.ts')}`);
project.postCompileTask.spawn(meshPicture);

// The main job: synthesize the example apps into dist/examples/ (one file per chart, and the
// validation report beside each app's folder, not in it), lint the YAML they produce with the
// CLI, as a platform team would lint any YAML, also as SARIF for code scanning, and ask reach.
const examples = project.addTask('examples', {
  description: 'Synthesize the example apps into dist/examples/, lint them, ask reach about examples/mesh and draw it',
});
examples.exec('rm -rf dist/examples');
for (const [app, rootNamespace] of [['seed', 'istio-config'], ['mesh', 'istio-system']]) {
  // The report and the picture of each synth, beside the app's folder.
  examples.exec(`CDK8S_OUTDIR=dist/examples/${app} CDK8S_ISTIO_SIDECAR_REPORT=dist/examples/${app}.report.json CDK8S_ISTIO_SIDECAR_GRAPH=dist/examples/${app}.html ${tsNode('examples/tsconfig.json', `examples/${app}/main.ts`)}`);
  const lint = `${tsNode('examples/tsconfig.json', 'src/cli/main.ts')} lint --root-namespace ${rootNamespace}`;
  examples.exec(`${lint} dist/examples/${app}`);
  examples.exec(`${lint} --format sarif dist/examples/${app} > dist/examples/${app}.sarif`);
}
// One reach question about examples/mesh: can the storefront call payments-api? (exit 0: yes),
// and the scope of every workload as JSON beside the app's other outputs.
const reach = `${tsNode('examples/tsconfig.json', 'src/cli/main.ts')} reach --outbound-policy REGISTRY_ONLY`;
examples.exec(`${reach} --from shop/frontend --to payments-api.payments:80 dist/examples/mesh`);
examples.exec(`${reach} --format json dist/examples/mesh > dist/examples/mesh.reach.json`);
// Its picture from the YAML, as Graphviz source, SVG, a Mermaid flowchart and the HTML page with
// findings and scopes (the synth above drew mesh.html from the app; this one is the CLI's).
const graph = `${tsNode('examples/tsconfig.json', 'src/cli/main.ts')} graph --outbound-policy REGISTRY_ONLY`;
for (const extension of ['dot', 'svg', 'mmd']) examples.exec(`${graph} --out dist/examples/mesh.${extension} dist/examples/mesh`);
examples.exec(`${graph} --out dist/examples/mesh.lint.html dist/examples/mesh`);
// Least-privilege Sidecars for examples/mesh from its observed traffic, as YAML and as construct
// code, beside the app's folder (not in it: the lint above and `kubectl apply -f` read that folder).
const generate = `${tsNode('examples/tsconfig.json', 'src/cli/main.ts')} generate --traffic examples/mesh/traffic.json`;
examples.exec(`${generate} dist/examples/mesh > dist/examples/mesh.sidecars.yaml`);
examples.exec(`${generate} --format typescript dist/examples/mesh > dist/examples/mesh.sidecars.ts`);

// Benchmarks (not tests): each prints its figures and writes them to dist/bench/*.json.
const benchSynth = project.addTask('bench:synth', {
  description: 'Benchmark: synth with the library and its validation vs. the same raw ApiObjects',
  exec: tsNode('bench/tsconfig.json', 'bench/synth-overhead.ts'),
});
const benchLint = project.addTask('bench:lint', {
  description: 'Benchmark: lint throughput vs. parse-only, and peak memory',
  exec: tsNode('bench/tsconfig.json', 'bench/lint-throughput.ts'),
});
project.addTask('bench:reach', {
  description: 'Benchmark: reach over every workload vs. lint on the same input, and peak memory',
  exec: tsNode('bench/tsconfig.json', 'bench/reach-throughput.ts'),
});
const benchSynthProcess = project.addTask('bench:synth-process', {
  description: 'Benchmark: synth as users run it, a fresh process per synth, library vs the same raw ApiObjects',
  exec: tsNode('bench/tsconfig.json', 'bench/synth-process.ts'),
});
benchSynthProcess.prependSpawn(project.compileTask);
const bench = project.addTask('bench', { description: 'Run every benchmark' });
bench.spawn(project.compileTask);
bench.spawn(benchSynth);
bench.spawn(benchSynthProcess);
bench.spawn(benchLint);

project.addTask('test:coverage', {
  description: 'Run every test with a coverage report (coverage/)',
  exec: 'jest --passWithNoTests --coverage',
  receiveArgs: true,
});

// Everything but the reliability suite (property, fuzz and hostile-input tests), without coverage.
project.addTask('test:fast', {
  description: 'Run the tests except the reliability suite (test/reliability), without coverage',
  exec: 'jest --passWithNoTests --testPathIgnorePatterns=/node_modules/ --testPathIgnorePatterns=/test/reliability/',
  receiveArgs: true,
});

// Only the npm package can be built here (no Maven, PyPI, Go or NuGet toolchains or registries):
// keep `package-all` to the JavaScript package.
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
packageAll.spawn(project.tasks.tryFind('package:js')!);

project.synth();
