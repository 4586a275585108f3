// The environment variables the app validation reads at synth, for settings a CI job or a test
// run wants without changing the app. A setting made in the app wins over its variable.

/** Set to 1, true or yes, it silences synth-time warnings, as the `quiet` setting does. */
export const QUIET_ENV = 'CDK8S_ISTIO_SIDECAR_QUIET';

/** Set to a path, it asks for the JSON report there, as the `reportFile` setting does. */
export const REPORT_FILE_ENV = 'CDK8S_ISTIO_SIDECAR_REPORT';

/** Set to a path, it asks for the picture of the mesh there, as the `graphFile` setting does. */
export const GRAPH_FILE_ENV = 'CDK8S_ISTIO_SIDECAR_GRAPH';

export function quietFromEnvironment(): boolean {
  const value = process.env[QUIET_ENV];
  return value !== undefined && ['1', 'true', 'yes'].includes(value.trim().toLowerCase());
}

export function reportFileFromEnvironment(): string | undefined {
  return process.env[REPORT_FILE_ENV] || undefined;
}

export function graphFileFromEnvironment(): string | undefined {
  return process.env[GRAPH_FILE_ENV] || undefined;
}
