import { isIPv4, isIPv6 } from 'node:net';

/** What the merchant sees for an address that is missing or not an IP address. */
export const UNKNOWN_IP = '不明';

/**
 * An address only as precisely as the merchant needs to recognise their own network (ログイン中の
 * 端末, the new sign-in notice): IPv4 without its last octet (203.0.113.*), IPv6 to its first
 * three groups (2001:db8:85a3::*). An IPv4 address written as IPv6 (::ffff:203.0.113.7) is shown
 * as IPv4.
 */
export function approximateIp(ip: string | undefined): string {
  const address = (ip ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return approximateIp(mapped);
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.*`;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 3).join(':')}::*`;
  return UNKNOWN_IP;
}

/** The eight groups of an IPv6 address, `::` filled in, each without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const left = part(head);
  const right = part(tail);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => (group.includes('.') ? group : Number.parseInt(group, 16).toString(16)));
}
