// The suite leaves nothing behind: tests and the processes they spawn write temporary files
// into the run's own folder, which the global teardown removes (test/setup/global-setup.ts).
import { spawnSync } from 'child_process';
import { tmpdir } from 'os';
import { dirname } from 'path';
import { Testing } from 'cdk8s';
import { OUTER_TMPDIR, RUN_TMPDIR } from './run-env';

describe('the test run\'s temporary folder', () => {
  const own = process.env[RUN_TMPDIR];

  test('is a fresh folder inside the outer temporary folder', () => {
    expect(own).toBeDefined();
    expect(dirname(own!)).toBe(process.env[OUTER_TMPDIR]);
    expect(tmpdir()).toBe(own);
  });

  test('holds the outdir of Testing.app()', () => {
    expect(dirname(Testing.app().outdir)).toBe(own);
  });

  test('is the temporary folder of spawned processes too', () => {
    const child = spawnSync(process.execPath, ['-p', 'require("os").tmpdir()'], { encoding: 'utf8' });
    expect(child.stdout.trim()).toBe(own);
  });
});
