/**
 * How an ingress listener terminates TLS for clients outside the mesh.
 *
 * Only the modes Istio serves on sidecars are offered: ISTIO_MUTUAL and AUTO_PASSTHROUGH
 * are rejected there, and PASSTHROUGH would ignore every certificate setting.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings-TLSmode
 */
export enum SidecarTlsMode {
  /** The proxy presents `serverCertificate` and terminates TLS; clients are not asked for a certificate. */
  SIMPLE = 'SIMPLE',
  /** Like SIMPLE, and every client must present a certificate signed by `caCertificates`. */
  MUTUAL = 'MUTUAL',
  /** Like MUTUAL, but clients without a certificate are let in too; a presented one must verify. */
  OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL',
}

/**
 * A TLS protocol version, the bounds of what the listener negotiates.
 */
export enum TlsProtocolVersion {
  /** Let the proxy choose (its default range). */
  TLS_AUTO = 'TLS_AUTO',
  /** TLS 1.0: obsolete, only for legacy clients (Istio warns without explicit cipher suites). */
  TLSV1_0 = 'TLSV1_0',
  /** TLS 1.1: obsolete, only for legacy clients (Istio warns without explicit cipher suites). */
  TLSV1_1 = 'TLSV1_1',
  /** TLS 1.2. */
  TLSV1_2 = 'TLSV1_2',
  /** TLS 1.3. */
  TLSV1_3 = 'TLSV1_3',
}

/**
 * TLS termination on an ingress listener, for traffic from outside the mesh.
 *
 * The listener's port protocol must be HTTPS or TLS. Certificates are files mounted into the
 * proxy container: Istio rejects `credentialName`, `credentialNames`, `tlsCertificates`,
 * `subjectAltNames` and `httpsRedirect` on sidecars, so they are not offered.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export interface SidecarIngressTlsOptions {
  /**
   * How TLS is terminated and whether clients must present a certificate.
   *
   * Always rendered: Istio reads an omitted mode as PASSTHROUGH, which ignores the certificates.
   *
   * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings-TLSmode
   */
  readonly mode: SidecarTlsMode;

  /**
   * Path of the PEM server certificate file in the proxy container. Required by every mode.
   *
   * @default - none
   */
  readonly serverCertificate?: string;

  /**
   * Path of the PEM private key file of `serverCertificate` in the proxy container. Required by every mode.
   *
   * @default - none
   */
  readonly privateKey?: string;

  /**
   * Path of the PEM file of CA certificates that client certificates are verified against.
   * Required by MUTUAL and OPTIONAL_MUTUAL.
   *
   * @default - none
   */
  readonly caCertificates?: string;

  /**
   * Path of a certificate revocation list (CRL) file checked against client certificates.
   * Only meaningful with MUTUAL or OPTIONAL_MUTUAL; Istio rejects it with SIMPLE.
   *
   * @default - no revocation check
   */
  readonly caCrl?: string;

  /**
   * Name of a Secret or ConfigMap holding the CA certificates for client verification,
   * instead of `caCertificates`. Accepted on sidecars, though meant for gateways, which can read
   * Kubernetes credentials.
   *
   * @default - none
   */
  readonly caCertCredentialName?: string;

  /**
   * Verify client certificates but let connections through even when verification fails.
   *
   * @default false
   */
  readonly insecureSkipVerify?: boolean;

  /**
   * The lowest TLS version accepted.
   *
   * @default - the proxy's default (TLS 1.2)
   */
  readonly minProtocolVersion?: TlsProtocolVersion;

  /**
   * The highest TLS version accepted.
   *
   * @default - the proxy's default (TLS 1.3)
   */
  readonly maxProtocolVersion?: TlsProtocolVersion;

  /**
   * The cipher suites offered, in OpenSSL/BoringSSL names such as `ECDHE-RSA-AES256-GCM-SHA384`.
   * Istio warns about unknown or duplicate names.
   *
   * @default - the proxy's default list
   */
  readonly cipherSuites?: string[];

  /**
   * The ECDH curves offered, such as `X25519` or `P-256`.
   *
   * @default - the proxy's default curves
   */
  readonly ecdhCurves?: string[];

  /**
   * Base64-encoded SHA-256 hashes of the public keys (SPKI) of the client certificates
   * accepted. A client passes when it matches this list or `verifyCertificateHash`.
   *
   * @default - no pinning
   */
  readonly verifyCertificateSpki?: string[];

  /**
   * Hex-encoded SHA-256 hashes of the client certificates accepted. A client passes when it
   * matches this list or `verifyCertificateSpki`.
   *
   * @default - no pinning
   */
  readonly verifyCertificateHash?: string[];
}
