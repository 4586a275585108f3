import { OutboundTrafficPolicy, OutboundTrafficPolicyMode } from '../src';

describe('OutboundTrafficPolicy', () => {
  test('registryOnly renders an explicit mode', () => {
    const policy = OutboundTrafficPolicy.registryOnly();
    expect(policy._toIstio()).toEqual({ mode: 'REGISTRY_ONLY' });
    expect(policy.mode).toBe(OutboundTrafficPolicyMode.REGISTRY_ONLY);
    expect(policy.toString()).toBe('REGISTRY_ONLY');
  });

  test('allowAny renders an explicit mode', () => {
    const policy = OutboundTrafficPolicy.allowAny();
    expect(policy._toIstio()).toEqual({ mode: 'ALLOW_ANY' });
    expect(policy.egressProxy).toBeUndefined();
    expect(policy.toString()).toBe('ALLOW_ANY');
  });

  test('allowAny with an egress proxy', () => {
    const policy = OutboundTrafficPolicy.allowAny({
      egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: 3128, subset: 'v1' },
    });
    expect(policy._toIstio()).toEqual({
      mode: 'ALLOW_ANY',
      egressProxy: { host: 'egress-proxy.infra.svc.cluster.local', port: { number: 3128 }, subset: 'v1' },
    });
    expect(policy.toString()).toBe('ALLOW_ANY via egress-proxy.infra.svc.cluster.local:3128 (subset v1)');
  });

  test('egress proxy without subset', () => {
    const policy = OutboundTrafficPolicy.allowAny({ egressProxy: { host: 'proxy.example.com', port: 8080 } });
    expect(policy._toIstio()).toEqual({ mode: 'ALLOW_ANY', egressProxy: { host: 'proxy.example.com', port: { number: 8080 } } });
    expect(policy.toString()).toBe('ALLOW_ANY via proxy.example.com:8080');
  });

  test('the mode enum holds exactly what Sidecars accept', () => {
    expect(Object.values(OutboundTrafficPolicyMode)).toEqual(['REGISTRY_ONLY', 'ALLOW_ANY']);
  });
});

describe('OutboundTrafficPolicy syntax errors', () => {
  test.each([
    ['wildcard host', { host: 'foobar*123', port: 5000 },
      'Invalid egress proxy host "foobar*123": the label "foobar*123" is not a DNS label (letters, digits and "-", at most 63 characters, starting and ending with a letter or digit); '
      + 'expected a fully-qualified service host, e.g. "egress-proxy.infra.svc.cluster.local"'],
    ['empty host', { host: '', port: 5000 },
      'Invalid egress proxy host "": the domain name is empty; expected a fully-qualified service host, e.g. "egress-proxy.infra.svc.cluster.local"'],
    ['port 0', { host: 'proxy.example.com', port: 0 }, 'Invalid egress proxy port 0: expected a whole number from 1 to 65535'],
    ['bad subset', { host: 'proxy.example.com', port: 80, subset: 'Bad_Subset' },
      'Invalid egress proxy subset "Bad_Subset": expected a subset name (a DNS label of at most 63 letters, digits and "-"), e.g. "v1"'],
  ])('%s', (_name, egressProxy, message) => {
    expect(() => OutboundTrafficPolicy.allowAny({ egressProxy })).toThrow(new Error(message));
  });
});
