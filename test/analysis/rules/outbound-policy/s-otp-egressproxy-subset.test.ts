import { describeRule } from '../../rule-cases';

const withSubset = (subset: unknown) => ({
  outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'p.infra.svc.cluster.local', port: { number: 3128 }, subset } },
});

describeRule('S-OTP-EGRESSPROXY-SUBSET', {
  good: [
    { name: 'a DNS label', spec: withSubset('v1') },
    { name: 'upper case passes, as in Istio', spec: withSubset('V1') },
    { name: 'an empty subset means the whole service', spec: withSubset('') },
    { name: 'no subset', spec: withSubset(undefined) },
    { name: 'a subset of the wrong type is the schema rule\'s', spec: withSubset(1) },
  ],
  bad: [
    {
      name: 'an underscore -> error',
      spec: withSubset('Bad_Subset'),
      path: 'spec.outboundTrafficPolicy.egressProxy.subset',
      message: 'egressProxy subset "Bad_Subset" is not a DNS label: use the name of a DestinationRule subset (at most 63 letters, digits and "-", starting and ending with a letter or digit), e.g. "v1", or leave subset out',
    },
    { name: 'a dotted name -> error', spec: withSubset('v1.stable'), count: 1 },
    { name: 'a 64-character name -> error', spec: withSubset('a'.repeat(64)), count: 1 },
  ],
});
