/**
 * What the proxy does with outbound traffic to a destination it does not know.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy-Mode
 */
export enum OutboundTrafficPolicyMode {
  /** Only destinations in the service registry (Services and ServiceEntries) are reachable; the rest is dropped. */
  REGISTRY_ONLY = 'REGISTRY_ONLY',
  /** Traffic to unknown destinations is passed through to wherever the application sent it. */
  ALLOW_ANY = 'ALLOW_ANY',
}
