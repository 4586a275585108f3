import { describeRule } from '../../rule-cases';

describeRule('S-OTP-MODE-ENUM', {
  good: [
    { name: 'REGISTRY_ONLY', spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } },
    { name: 'ALLOW_ANY', spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } },
    { name: 'no mode is S-OTP-MODE-DEFAULT-REGISTRY-ONLY\'s', spec: { outboundTrafficPolicy: {} } },
    { name: 'a mode of the wrong type is the schema rule\'s', spec: { outboundTrafficPolicy: { mode: 1 } } },
    { name: 'a policy of the wrong type does not crash', spec: { outboundTrafficPolicy: 'ALLOW_ANY' } },
  ],
  bad: [
    {
      name: 'ALLOW_ANY_DYNAMIC_DNS, a MeshConfig-only mode -> error',
      spec: { outboundTrafficPolicy: { mode: 'ALLOW_ANY_DYNAMIC_DNS' } },
      path: 'spec.outboundTrafficPolicy.mode',
      message: 'outboundTrafficPolicy mode "ALLOW_ANY_DYNAMIC_DNS" is not REGISTRY_ONLY or ALLOW_ANY: that mode exists only in MeshConfig; use ALLOW_ANY or REGISTRY_ONLY on a Sidecar',
    },
    { name: 'lower case -> error with a hint', spec: { outboundTrafficPolicy: { mode: 'allow_any' } }, message: 'outboundTrafficPolicy mode "allow_any" is not REGISTRY_ONLY or ALLOW_ANY: write it in upper case, "ALLOW_ANY"' },
    { name: 'an unknown mode -> error', spec: { outboundTrafficPolicy: { mode: 'BLOCK' } }, message: /: use REGISTRY_ONLY or ALLOW_ANY$/ },
    { name: 'an empty string -> error', spec: { outboundTrafficPolicy: { mode: '' } }, count: 1 },
  ],
});
