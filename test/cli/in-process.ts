// The CLI in-process (no child process, no build): `main` with stdout, stderr and stdin captured.
import { main } from '../../src/cli/main';

/** Runs `cdk8s-istio-sidecar lint ARGS` with `stdin` as standard input. */
export function lintInProcess(args: readonly string[], stdin = ''): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(['lint', ...args], {
    stdout: (text) => { stdout += `${text}\n`; },
    stderr: (text) => { stderr += `${text}\n`; },
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}
