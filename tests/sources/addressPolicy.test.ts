/**
 * The address policy behind URL fetches: public unicast only, with loopback opened by the
 * test-only switch and nothing else. Also pins down that request-filtering-agent, the second
 * line of defence, refuses IPv4-mapped IPv6 on its own.
 */

import http from 'node:http'
import { RequestFilteringHttpAgent } from 'request-filtering-agent'
import { describe, expect, it } from 'vitest'
import { addressRefusal } from '../../server/sources/addressPolicy'

describe('addressRefusal', () => {
  it.each([
    '0.0.0.0',
    '10.255.0.1',
    '100.100.100.100',
    '127.0.0.1',
    '127.45.6.7',
    '169.254.169.254',
    '172.31.255.255',
    '192.0.0.8',
    '192.0.2.10',
    '192.168.0.1',
    '198.18.4.4',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:8.8.8.8',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '2001::1',
    '2001:db8::1',
    '2002:a00:1::1',
    '3fff::1',
    '100::1',
  ])('refuses %s', (address) => {
    expect(addressRefusal(address)).not.toBeNull()
  })

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '151.101.1.69',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
  ])('allows the public address %s', (address) => {
    expect(addressRefusal(address)).toBeNull()
  })

  it('opens only loopback to the test-only switch', () => {
    expect(addressRefusal('127.0.0.1', true)).toBeNull()
    expect(addressRefusal('::1', true)).toBeNull()
    for (const address of [
      '10.0.0.1',
      '169.254.169.254',
      '::ffff:127.0.0.1',
      'fd00::1',
      '0.0.0.0',
    ]) {
      expect(addressRefusal(address, true)).not.toBeNull()
    }
  })

  it('refuses what is not an address', () => {
    expect(addressRefusal('example.com')).toBe('not an IP address')
  })
})

describe('request-filtering-agent on its own', () => {
  it.each(['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::ffff:a9fe:a9fe]'])(
    'refuses the IPv4-mapped literal %s',
    async (host) => {
      const error = await new Promise<Error>((resolve) => {
        const request = http.get(`http://${host}:9/`, { agent: new RequestFilteringHttpAgent() })
        request.on('response', () => resolve(new Error('connected')))
        request.on('error', resolve)
      })
      expect(error.message).toMatch(/is not allowed/)
    },
  )
})
