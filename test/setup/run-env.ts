// What the jest global setup and teardown share (they run in jest's main process; the test
// workers inherit the environment the setup leaves).
/** The run's own temporary folder; the setup creates it and points TMPDIR at it. */
export const RUN_TMPDIR = 'CDK8S_ISTIO_SIDECAR_TEST_TMPDIR';
/** Set when lib/ was out of date and did not compile: the file holding the compiler's output. */
export const LIB_ERROR = 'CDK8S_ISTIO_SIDECAR_LIB_ERROR';
/** The temporary folder the run started with. */
export const OUTER_TMPDIR = 'CDK8S_ISTIO_SIDECAR_OUTER_TMPDIR';
