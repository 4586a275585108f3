// Jest global teardown: removes the run's temporary folder (see global-setup.ts), with everything
// the tests and the processes they spawned wrote into it. test/setup/temp-folder.test.ts shows
// that they write there: into the outer temporary folder nothing of ours goes.
import { existsSync, rmSync } from 'fs';
import { RUN_TMPDIR } from './run-env';

export default function globalTeardown(): void {
  const own = process.env[RUN_TMPDIR];
  if (!own) return;
  rmSync(own, { recursive: true, force: true, maxRetries: 3 });
  if (existsSync(own)) throw new Error(`could not remove the test run's temporary folder ${own}`);
}
