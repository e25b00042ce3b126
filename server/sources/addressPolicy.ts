/**
 * Which IP addresses a URL fetch may connect to: public unicast only.
 *
 * IPv4 is checked against the IANA special-purpose registry (loopback, private, CGNAT,
 * link-local with the cloud metadata address, documentation, benchmarking, multicast, reserved,
 * broadcast). IPv6 is checked the other way round: only global unicast (2000::/3) is allowed,
 * minus its special blocks (Teredo, 6to4, documentation), so loopback, unique-local,
 * link-local, multicast, NAT64 and every IPv4-mapped or -compatible form (::ffff:127.0.0.1)
 * are refused without needing to decode the IPv4 address inside.
 */

import net from 'node:net'

interface Range {
  subnet: string
  prefix: number
  reason: string
}

const IPV4_REFUSED: readonly Range[] = [
  { subnet: '0.0.0.0', prefix: 8, reason: 'a "this network" address' },
  { subnet: '10.0.0.0', prefix: 8, reason: 'a private network address' },
  { subnet: '100.64.0.0', prefix: 10, reason: 'a carrier-grade NAT address' },
  { subnet: '127.0.0.0', prefix: 8, reason: 'a loopback address' },
  { subnet: '169.254.0.0', prefix: 16, reason: 'a link-local address (cloud metadata lives here)' },
  { subnet: '172.16.0.0', prefix: 12, reason: 'a private network address' },
  { subnet: '192.0.0.0', prefix: 24, reason: 'an IETF protocol address' },
  { subnet: '192.0.2.0', prefix: 24, reason: 'a documentation address' },
  { subnet: '192.31.196.0', prefix: 24, reason: 'a reserved (AS112) address' },
  { subnet: '192.52.193.0', prefix: 24, reason: 'a reserved (AMT) address' },
  { subnet: '192.88.99.0', prefix: 24, reason: 'a reserved (6to4 relay) address' },
  { subnet: '192.168.0.0', prefix: 16, reason: 'a private network address' },
  { subnet: '192.175.48.0', prefix: 24, reason: 'a reserved (AS112) address' },
  { subnet: '198.18.0.0', prefix: 15, reason: 'a benchmarking address' },
  { subnet: '198.51.100.0', prefix: 24, reason: 'a documentation address' },
  { subnet: '203.0.113.0', prefix: 24, reason: 'a documentation address' },
  { subnet: '224.0.0.0', prefix: 4, reason: 'a multicast address' },
  { subnet: '240.0.0.0', prefix: 4, reason: 'a reserved address' },
]

const IPV6_NAMED: readonly Range[] = [
  { subnet: '::', prefix: 128, reason: 'the unspecified address' },
  { subnet: '::1', prefix: 128, reason: 'a loopback address' },
  { subnet: '::ffff:0:0', prefix: 96, reason: 'an IPv4-mapped IPv6 address' },
  { subnet: '::', prefix: 96, reason: 'an IPv4-compatible IPv6 address' },
  { subnet: '64:ff9b::', prefix: 96, reason: 'a NAT64 address' },
  { subnet: '64:ff9b:1::', prefix: 48, reason: 'a NAT64 address' },
  { subnet: 'fc00::', prefix: 7, reason: 'a unique-local (private) address' },
  { subnet: 'fe80::', prefix: 10, reason: 'a link-local address' },
  { subnet: 'ff00::', prefix: 8, reason: 'a multicast address' },
  { subnet: '2001::', prefix: 23, reason: 'an IETF protocol address (Teredo and others)' },
  { subnet: '2001:db8::', prefix: 32, reason: 'a documentation address' },
  { subnet: '2002::', prefix: 16, reason: 'a 6to4 address' },
  { subnet: '3fff::', prefix: 20, reason: 'a documentation address' },
]

function matcher(subnet: string, prefix: number, family: 'ipv4' | 'ipv6'): net.BlockList {
  const list = new net.BlockList()
  list.addSubnet(subnet, prefix, family)
  return list
}

const IPV4_RANGES = IPV4_REFUSED.map((r) => ({ ...r, list: matcher(r.subnet, r.prefix, 'ipv4') }))
const IPV6_RANGES = IPV6_NAMED.map((r) => ({ ...r, list: matcher(r.subnet, r.prefix, 'ipv6') }))
const GLOBAL_UNICAST = matcher('2000::', 3, 'ipv6')
const IPV6_LOOPBACK = matcher('::1', 128, 'ipv6')

/**
 * Why a fetch may not connect to `address`, or null if it may. `allowLoopback` lets tests talk
 * to a server on 127.0.0.1 or ::1; it never opens any other range.
 */
export function addressRefusal(address: string, allowLoopback = false): string | null {
  const family = net.isIP(address)
  if (family === 4) {
    if (allowLoopback && address.startsWith('127.')) return null
    return IPV4_RANGES.find((r) => r.list.check(address, 'ipv4'))?.reason ?? null
  }
  if (family === 6) {
    if (allowLoopback && IPV6_LOOPBACK.check(address, 'ipv6')) return null
    const named = IPV6_RANGES.find((r) => r.list.check(address, 'ipv6'))
    if (named) return named.reason
    return GLOBAL_UNICAST.check(address, 'ipv6') ? null : 'not a public unicast address'
  }
  return 'not an IP address'
}
