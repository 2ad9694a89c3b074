import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addressKey } from './client-key.js';

const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const hextets = (n: number) => fc.array(hextet, { minLength: n, maxLength: n });

describe('addressKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::ffff:c000:207', '192.0.2.7'],
    ['2001:db8:aa:bb:1:2:3:4', '2001:db8:aa:bb::/64'],
    ['2001:DB8:00AA:BB::1', '2001:db8:aa:bb::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  test.prop([hextets(4), hextets(4), hextets(4)])(
    'addresses in one /64 share a key; another /64 has its own',
    (network, hostA, hostB) => {
      const a = [...network, ...hostA].join(':');
      const b = [...network, ...hostB].join(':');
      expect(addressKey(a)).toBe(addressKey(b));
      const other = [...network.slice(0, 3), (parseInt(network[3]!, 16) ^ 1).toString(16)];
      expect(addressKey([...other, ...hostA].join(':'))).not.toBe(addressKey(a));
    },
  );

  test.prop([fc.ipV4()])('an IPv4 address is its own key, mapped into IPv6 or not', (v4) => {
    expect(addressKey(v4)).toBe(v4);
    expect(addressKey(`::ffff:${v4}`)).toBe(v4);
  });
});
