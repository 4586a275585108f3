import { Bind } from './bind';
import { CaptureMode } from './capture-mode';
import { ConnectionPoolSettings } from './connection-pool';
import { Endpoint } from './endpoint';
import { SidecarPort } from './sidecar-port';
import { SidecarIngressTlsOptions } from './tls';

/**
 * An ingress listener: a port on which the proxy accepts inbound traffic for the workload, and
 * where it forwards it.
 *
 * Once a Sidecar lists ingress listeners, only these ports are configured for inbound traffic,
 * and only if the workload belongs to a Service.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export interface IngressListenerOptions {
  /**
   * The port the listener accepts traffic on. Ingress ports need a number (1-65535), unique
   * among the Sidecar's ingress listeners whatever their `bind`.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
   */
  readonly port: SidecarPort;

  /**
   * The IP address the listener binds to. Unix domain sockets are not allowed on ingress.
   *
   * @default - the workload instance's IP (0.0.0.0 if it has no unicast IP)
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly bind?: Bind;

  /**
   * How traffic reaches the listener. NONE is for workloads without iptables, which must then
   * send traffic to the listener's address themselves.
   *
   * @default CaptureMode.DEFAULT
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#CaptureMode
   */
  readonly captureMode?: CaptureMode;

  /**
   * Where the accepted traffic is forwarded: the application's loopback or any-address port,
   * or a Unix domain socket.
   *
   * @default - the workload's own address, on the port's number
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly defaultEndpoint?: Endpoint;

  /**
   * Terminates TLS from clients outside the mesh on this port. The port's protocol must then
   * be HTTPS or TLS.
   *
   * @default - no TLS termination (mesh mTLS still applies between sidecars)
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly tls?: SidecarIngressTlsOptions;

  /**
   * Connection limits for this port, replacing the Sidecar's `inboundConnectionPool` for it.
   * The `http` settings only apply if the port's protocol is HTTP-based.
   *
   * @default - the Sidecar's `inboundConnectionPool`
   * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
   */
  readonly connectionPool?: ConnectionPoolSettings;
}
