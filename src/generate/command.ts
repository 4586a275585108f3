// The `generate` command of the CLI: reads the traffic file, and prints the Sidecars it calls for.
import { readFileSync } from 'fs';
import { generateSidecars, renderTypeScript, renderYaml } from './generate';
import { TrafficShapeError, parseTraffic } from './traffic';
import { ManifestEntry } from '../analysis/manifest';
import { MeshOptions } from '../analysis/snapshot';
import { InputError } from '../cli/input-error';

export interface GenerateOptions extends MeshOptions {
  /** The traffic file, as given. */
  readonly traffic: string;
  readonly format: string;
}

/** Runs `generate`: the output's text. Throws InputError (exit 2) for a traffic file that cannot be read or has the wrong shape. */
export function generateCommand(options: GenerateOptions, entries: readonly ManifestEntry[]): string {
  let text: string;
  try {
    text = readFileSync(options.traffic, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read --traffic ${options.traffic}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let traffic;
  try {
    traffic = parseTraffic(text, options.traffic);
  } catch (error) {
    if (error instanceof TrafficShapeError) throw new InputError(error.message);
    throw error;
  }
  const generated = generateSidecars(traffic, entries, { rootNamespace: options.rootNamespace, clusterDomain: options.clusterDomain });
  return options.format === 'typescript' ? renderTypeScript(generated, options.traffic) : renderYaml(generated, options.traffic);
}
