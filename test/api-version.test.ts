import { SidecarApiVersion } from '../src';

test('SidecarApiVersion holds the three versions Istio serves', () => {
  expect(SidecarApiVersion.V1).toBe('networking.istio.io/v1');
  expect(SidecarApiVersion.V1BETA1).toBe('networking.istio.io/v1beta1');
  expect(SidecarApiVersion.V1ALPHA3).toBe('networking.istio.io/v1alpha3');
  expect(Object.values(SidecarApiVersion)).toHaveLength(3);
});
