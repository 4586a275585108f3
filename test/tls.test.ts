import { Testing } from 'cdk8s';
import { Sidecar, SidecarIngressTlsOptions, SidecarPort, SidecarTlsMode, TlsProtocolVersion } from '../src';

function renderedTls(tls: SidecarIngressTlsOptions): unknown {
  const sidecar = new Sidecar(Testing.chart(), 'sc', { ingress: [{ port: SidecarPort.https(8443), tls }] });
  return sidecar.apiObject.toJson().spec.ingress[0].tls;
}

describe('SidecarIngressTlsOptions', () => {
  test('SIMPLE with file certificates', () => {
    expect(renderedTls({ mode: SidecarTlsMode.SIMPLE, serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' }))
      .toEqual({ mode: 'SIMPLE', serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' });
  });

  test('only the mode: nothing else is rendered', () => {
    expect(renderedTls({ mode: SidecarTlsMode.OPTIONAL_MUTUAL })).toEqual({ mode: 'OPTIONAL_MUTUAL' });
  });

  test('every field', () => {
    expect(renderedTls({
      mode: SidecarTlsMode.MUTUAL,
      serverCertificate: '/c.pem',
      privateKey: '/k.pem',
      caCertificates: '/ca.pem',
      caCrl: '/crl.pem',
      caCertCredentialName: 'client-ca',
      insecureSkipVerify: false,
      minProtocolVersion: TlsProtocolVersion.TLSV1_2,
      maxProtocolVersion: TlsProtocolVersion.TLSV1_3,
      cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'],
      ecdhCurves: ['X25519', 'P-256'],
      verifyCertificateSpki: ['Zm9vYmFy'],
      verifyCertificateHash: ['AB:CD:EF'],
    })).toEqual({
      mode: 'MUTUAL',
      serverCertificate: '/c.pem',
      privateKey: '/k.pem',
      caCertificates: '/ca.pem',
      caCrl: '/crl.pem',
      caCertCredentialName: 'client-ca',
      insecureSkipVerify: false,
      minProtocolVersion: 'TLSV1_2',
      maxProtocolVersion: 'TLSV1_3',
      cipherSuites: ['ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'],
      ecdhCurves: ['X25519', 'P-256'],
      verifyCertificateSpki: ['Zm9vYmFy'],
      verifyCertificateHash: ['AB:CD:EF'],
    });
  });

  test('lists are copied when rendered', () => {
    const cipherSuites = ['ECDHE-RSA-AES256-GCM-SHA384'];
    const sidecar = new Sidecar(Testing.chart(), 'sc', {
      ingress: [{ port: SidecarPort.https(8443), tls: { mode: SidecarTlsMode.SIMPLE, cipherSuites } }],
    });
    const rendered = sidecar.apiObject.toJson().spec.ingress[0].tls.cipherSuites;
    expect(rendered).toEqual(cipherSuites);
    expect(rendered).not.toBe(cipherSuites);
  });

  test('the modes offered are the ones sidecars serve', () => {
    expect(Object.values(SidecarTlsMode)).toEqual(['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL']);
  });

  test('the protocol versions are the CRD enum', () => {
    expect(Object.values(TlsProtocolVersion)).toEqual(['TLS_AUTO', 'TLSV1_0', 'TLSV1_1', 'TLSV1_2', 'TLSV1_3']);
  });
});
