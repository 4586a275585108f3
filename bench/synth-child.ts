// One synth in a fresh process, as `cdk8s synth` runs an app: build, synth to disk, exit.
//   node synth-child.js <library|shapes|raw> <N> <outdir> <path of the compiled library>
// The driver (synth-process.ts) transpiles this file and synth-apps.ts to plain JavaScript first,
// so neither variant pays for TypeScript at run time.
import { App } from 'cdk8s';
import { Library, withConstructs, withLibraryShapes, withRawObjects } from './synth-apps';

const [variant, size, outdir, libraryPath] = process.argv.slice(2);
const n = Number(size);
const app = new App({ outdir });
if (variant === 'library') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib: Library = require(libraryPath);
  withConstructs(lib, app, n);
} else if (variant === 'shapes') {
  withLibraryShapes(app, n);
} else {
  withRawObjects(app, n);
}
app.synth();
