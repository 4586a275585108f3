/**
 * How traffic reaches a Sidecar listener.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#CaptureMode
 */
export enum CaptureMode {
  /** Use the capture mode the proxy was started with (its interception mode). */
  DEFAULT = 'DEFAULT',
  /** Traffic is redirected to the listener by iptables rules set up in the pod. */
  IPTABLES = 'IPTABLES',
  /**
   * No traffic capture: the application talks to the listener directly, so it must bind to an
   * address the application can reach. Needed for workloads deployed without iptables.
   */
  NONE = 'NONE',
}
