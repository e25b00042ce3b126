/**
 * [PM] Portion marks in the shared schema, checked by the server over real sockets: a block's
 * `marking` must be a marking of the briefing's scheme (its settings), written as the editor
 * writes it. A stranger's label is refused like an unknown node: 4422 for that sender alone,
 * nothing stored, the others carry on. Stock y-websocket clients edit; a raw client attacks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { settingsMap } from '../../shared/briefing/settings'
import { readMarkingScheme, writeMarkingScheme } from '../../shared/markings/briefingScheme'
import { SCHEME_KEY, validatePortionShape } from '../../shared/markings/portionShape'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { encodeUpdate } from '../../shared/protocol/messages'
import { briefingSchema, DOCUMENT_FRAGMENT } from '../../shared/schema'
import { type RawClient, rawClient } from '../access/support'
import { connectClient, docFingerprint, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken, tokenFor } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

function updateOn(base: Y.Doc, edit: (fragment: Y.XmlFragment) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  doc.transact(() => edit(doc.getXmlFragment(DOCUMENT_FRAGMENT)))
  return Y.encodeStateAsUpdate(doc, before)
}

function marked(name: string, marking: string, text = 'marked words'): Y.XmlElement {
  const element = new Y.XmlElement(name)
  element.setAttribute('marking', marking)
  if (name === 'heading') element.setAttribute('level', 2 as unknown as string)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

function markOf(client: TestClient, index: number): unknown {
  return (client.fragment.get(index) as Y.XmlElement | undefined)?.getAttribute('marking')
}

describe('portion marks over the socket', () => {
  let server: TestServer
  let owner: TestUser
  let briefingId: string
  let good: [TestClient, TestClient]
  let goodCloses: number[]

  beforeEach(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner)
    rememberToken(briefingId, await collabToken(owner, briefingId))
    good = [connectClient(server.wsUrl, briefingId), connectClient(server.wsUrl, briefingId)]
    goodCloses = []
    for (const client of good) {
      client.provider.on('connection-close', (event) => goodCloses.push(event?.code ?? -1))
    }
    await Promise.all(good.map(waitSynced))
    good[0].fragment.insert(0, [marked('paragraph', 'TLP:GREEN', 'first')])
    await waitFor(() => markOf(good[1], 0) === 'TLP:GREEN', 'a TLP mark reaches the other editor')
  })

  afterEach(async () => {
    for (const client of good) client.destroy()
    await server.close()
  })

  async function hostile(): Promise<RawClient> {
    const client = rawClient(`${server.wsUrl}/${briefingId}?token=${tokenFor(briefingId)}`)
    expect(await client.outcome).toBe('open')
    await client.barrier()
    return client
  }

  async function expectRefusedAlone(client: RawClient, reason: RegExp): Promise<void> {
    const closed = await client.closed
    expect(closed.code).toBe(CloseCode.InvalidContent)
    expect(closed.reason).toMatch(reason)
    expect(goodCloses, 'good clients were never disconnected').toEqual([])
    const room = server.registry.get(briefingId)!
    await room.flushed()
    const stored = new Y.Doc()
    for (const row of await server.stores.documents.load(briefingId)) Y.applyUpdate(stored, row)
    expect(docFingerprint(stored)).toBe(docFingerprint(good[0].doc))
    expect(docFingerprint(stored)).not.toMatch(/PURPLE|tlp:amber|TLP:AMBER\/\/|"S"/)
  }

  const cases: Array<[string, (fragment: Y.XmlFragment) => void, RegExp]> = [
    [
      '[PM1] a new paragraph marked with a label TLP does not have',
      (fragment) => fragment.insert(1, [marked('paragraph', 'TLP:PURPLE')]),
      /"paragraph" node: "TLP:PURPLE" is not a level of TLP 2\.0/,
    ],
    [
      // The new value names the old one as its left neighbour and so carries no key of its
      // own: the guard once let any second value of an attribute through unchecked.
      '[PM2] an existing paragraph given a label of another scheme',
      (fragment) => (fragment.get(0) as Y.XmlElement).setAttribute('marking', 'S'),
      /"paragraph" node: "S" is not a level of TLP 2\.0/,
    ],
    [
      '[PM3] a heading marked with a second spelling of a label',
      (fragment) => fragment.insert(1, [marked('heading', 'tlp:amber')]),
      /"heading" node: portion mark "tlp:amber" is stored as "TLP:AMBER"/,
    ],
    [
      '[PM4] a paragraph with controls TLP does not have',
      (fragment) => fragment.insert(1, [marked('paragraph', 'TLP:AMBER//NOFORN')]),
      /"paragraph" node: TLP 2\.0 has no dissemination controls/,
    ],
  ]

  it.each(cases)('%s closes only the sender with 4422', async (_name, edit, reason) => {
    const client = await hostile()
    client.send(encodeUpdate(updateOn(client.doc, edit)))
    await expectRefusedAlone(client, reason)
  })

  it('[PM5] the scheme in the settings decides: after a switch to classification its marks pass and TLP labels are refused', async () => {
    writeMarkingScheme(settingsMap(good[0].doc), { scheme: 'classification', portionDefault: 'C' })
    const room = () => server.registry.get(briefingId)!.doc
    await waitFor(
      () => readMarkingScheme(settingsMap(room())).scheme.id === 'classification',
      'the room has the new scheme',
    )
    expect(readMarkingScheme(settingsMap(room())).portionDefault.level).toBe('c')
    const quote = new Y.XmlElement('blockquote')
    quote.setAttribute('marking', 'S//NOFORN')
    quote.insert(0, [marked('paragraph', 'C', 'quoted')])
    good[0].fragment.insert(1, [quote])
    const item = new Y.XmlElement('listItem')
    item.setAttribute('marking', 'TS//REL TO USA, GBR')
    item.insert(0, [marked('paragraph', 'U', 'in a list')])
    const list = new Y.XmlElement('bulletList')
    list.insert(0, [item])
    good[0].fragment.insert(2, [list])
    await waitFor(() => markOf(good[1], 1) === 'S//NOFORN', 'a classification mark is accepted')
    await waitFor(() => good[1].fragment.length === 3, 'a marked list item is accepted')

    const client = await hostile()
    client.send(
      encodeUpdate(updateOn(client.doc, (f) => f.insert(3, [marked('paragraph', 'TLP:RED')]))),
    )
    await expectRefusedAlone(client, /"TLP:RED" is not a level of Classification/)
  })

  it('[PM6] the schema refuses what is no portion mark at all, and takes null for the default', () => {
    const schema = briefingSchema()
    const paragraph = (marking: unknown) =>
      schema.nodes.paragraph!.create({ marking }, schema.text('x')).check()
    expect(() => paragraph('TLP:AMBER')).not.toThrow()
    expect(() => paragraph(null)).not.toThrow()
    expect(() => paragraph(7)).toThrow(/string or null, not number/)
    expect(() => paragraph('TLP:AMBER\nRED')).toThrow(/portion mark "TLP:AMBER\nRED" must be/)
    expect(() => paragraph('x'.repeat(121))).toThrow(/at most 120/)
    for (const name of ['paragraph', 'heading', 'listItem', 'blockquote', 'sourceQuote']) {
      expect(schema.nodes[name]!.spec.attrs?.marking, name).toBeDefined()
    }
    expect(schema.nodes.codeBlock!.spec.attrs?.marking).toBeUndefined()
    expect(() => validatePortionShape('S//REL TO USA, GBR')).not.toThrow()
    const settings = settingsMap(new Y.Doc())
    expect(() => writeMarkingScheme(settings, { scheme: 'nato' })).toThrow(
      /Invalid marking scheme "nato"/,
    )
    expect(() => writeMarkingScheme(settings, { portionDefault: 'SECRET' })).toThrow(
      /Invalid default portion mark: "SECRET" is not a level of TLP 2\.0/,
    )
    settings.set(SCHEME_KEY, 'nato')
    expect(readMarkingScheme(settings)).toMatchObject({ scheme: { id: 'tlp' }, problems: [/nato/] })
  })
})
