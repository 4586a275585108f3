import { Bind } from './bind';
import { CaptureMode } from './capture-mode';
import { EgressHost } from './egress-host';
import { SidecarPort } from './sidecar-port';

/**
 * An egress listener: which destinations the workload can reach, and on which port.
 *
 * A listener with a port serves only that port; the one listener without a port is the
 * catch-all for every other port and must come last.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export interface EgressListenerOptions {
  /**
   * The hosts the listener imports (and excludes), in the order given. At least one.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly hosts: EgressHost[];

  /**
   * The port the listener serves. A port without a number (from the `unixSocket` factory of `SidecarPort`)
   * declares a Unix domain socket listener, whose `bind` must be a `unix://` address.
   *
   * @default - no port: the catch-all listener, for all ports not served by another listener
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
   */
  readonly port?: SidecarPort;

  /**
   * The address the listener binds to: an IP address for a numbered port, a Unix domain
   * socket for a port without a number. Needs a `port`.
   *
   * @default - chosen by Istio: 127.0.0.1 with capture mode NONE, else from the imported services
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
   */
  readonly bind?: Bind;

  /**
   * How the application's traffic reaches the listener. With NONE the application must
   * connect to the listener's `bind` address itself. Unix domain socket listeners allow only
   * DEFAULT or NONE.
   *
   * @default CaptureMode.DEFAULT
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#CaptureMode
   */
  readonly captureMode?: CaptureMode;
}
