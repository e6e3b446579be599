import { approximateIp } from '../../../lambdas/domain/approximate-ip';

describe('approximateIp: only as precise as the merchant needs to recognise their network', () => {
  it.each([
    ['203.0.113.7', '203.0.113.*'],
    ['10.0.0.255', '10.0.0.*'],
    ['::ffff:198.51.100.23', '198.51.100.*'],
  ])('hides the last octet of IPv4 %s', (ip, shown) => {
    expect(approximateIp(ip)).toBe(shown);
  });

  it.each([
    ['2001:0db8:85a3:08d3:1319:8a2e:0370:7348', '2001:db8:85a3::*'],
    ['2001:DB8:85A3::8A2E:370:7334', '2001:db8:85a3::*'],
    ['2001:db8::1', '2001:db8:0::*'],
    ['::1', '0:0:0::*'],
  ])('keeps the first three groups of IPv6 %s', (ip, shown) => {
    expect(approximateIp(ip)).toBe(shown);
  });

  it.each([[''], [undefined], ['not an address'], ['203.0.113'], ['1.2.3.4.5']])('says 不明 for %p', (ip) => {
    expect(approximateIp(ip)).toBe('不明');
  });
});
