/**
 * Where the items of an incoming update land in a room's document, as far as its structure
 * is concerned: in the document body (under which node, how deep), in a text, or somewhere
 * no reader looks (another root, a map value). Yjs decides an item's parent when it
 * integrates it (Item.getMissing): from its parent field, or else from the item it was
 * inserted after (or before). This follows the same rules on the decoded update, before
 * anything is applied, looking each reference up in the update itself, in the updates
 * accepted but not yet applied (still on their way to the store), and in the doc.
 */
import type { NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import type { StructureRules } from '../../shared/schema/structure'
import { InvalidContentError } from './errors'

/** Where an item sits, as far as the document's structure is concerned. */
export type Place =
  /** In the child list of the document (`node` is the doc type, depth 0) or of an element. */
  | { kind: 'body'; node: NodeType; depth: number }
  /** In a text of an element of type `node`. */
  | { kind: 'text'; node: NodeType; depth: number }
  /** Not part of the document body (another root, a map value, an unknown element). */
  | { kind: 'elsewhere' }
  /** Yjs will drop it on arrival (its neighbour was garbage-collected or its parent is gone). */
  | { kind: 'discarded' }

const ELSEWHERE: Place = { kind: 'elsewhere' }
const DISCARDED: Place = { kind: 'discarded' }

/** Where an item is, and where its children go when it is a type. */
export interface Located {
  place: Place
  /** The item is a map entry (an attribute), not a child in a list. */
  entry: boolean
  /**
   * The attribute an entry sets; null for a child. Yjs leaves the key off an item that names
   * its left neighbour (a second value for a key), so it comes from that neighbour.
   */
  key: string | null
  /** Where the children of the type it holds go; DISCARDED for items holding no type. */
  inner: Place
  /** The element of the same update the item is in (a child or an attribute of); if any. */
  holder: Y.Item | null
}

/** A range of items an accepted update added, and where they landed. */
export interface PlacedRange {
  client: number
  clock: number
  length: number
  at: Located
}

type Found = Located | 'gc' | 'missing'

/** The update refers to content the room does not have (yet). */
export class MissingContent extends Error {}

export class ItemPlaces {
  /** Places of types in the doc; a type's place never changes once it is integrated. */
  private readonly typePlaces = new WeakMap<Y.AbstractType<unknown>, Place>()
  /** Accepted updates not yet applied, by client. */
  private readonly inFlight = new Map<number, PlacedRange[]>()

  constructor(
    private readonly rules: StructureRules,
    private readonly doc: Y.Doc,
  ) {}

  /**
   * Where each item of the update that neither the doc nor an update in flight holds yet
   * lands, in update order. Throws MissingContent when one refers to content neither has.
   */
  placeUpdate(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Array<[Y.Item, Located]> {
    const index = new UpdateIndex(structs)
    const located = new Map<Y.Item, Located>()
    const placed: Array<[Y.Item, Located]> = []
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || this.known(struct)) continue
      this.locateAll(struct, index, located)
      placed.push([struct, located.get(struct)!])
    }
    return placed
  }

  /** Remembers an accepted update's items until `release`: later updates may build on them. */
  hold(ranges: readonly PlacedRange[]): void {
    for (const range of ranges) {
      const list = this.inFlight.get(range.client)
      if (list) list.push(range)
      else this.inFlight.set(range.client, [range])
    }
  }

  /** Forgets them once they are in the doc (or were never stored). */
  release(ranges: readonly PlacedRange[]): void {
    for (const range of ranges) {
      const list = this.inFlight.get(range.client)
      const at = list?.indexOf(range) ?? -1
      if (at !== -1) list!.splice(at, 1)
      if (list?.length === 0) this.inFlight.delete(range.client)
    }
  }

  /** Whether the doc or an update in flight already holds all of the struct. */
  private known(struct: Y.Item): boolean {
    const { client, clock } = struct.id
    if (clock + struct.length <= Y.getState(this.doc.store, client)) return true
    return (
      this.inFlight
        .get(client)
        ?.some(
          (range) => range.clock <= clock && clock + struct.length <= range.clock + range.length,
        ) ?? false
    )
  }

  /**
   * Locates `start` and every struct of the update it depends on, depth first with an
   * explicit stack: a pasted text is a chain of thousands of items, each after the last.
   */
  private locateAll(start: Y.Item, index: UpdateIndex, located: Map<Y.Item, Located>): void {
    const stack = [start]
    const onStack = new Set<Y.Item>([start])
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!
      if (located.has(item)) {
        stack.pop()
        onStack.delete(item)
        continue
      }
      const pending = dependencies(item)
        .map((id) => index.find(id))
        .filter((dep): dep is Y.Item => dep instanceof Y.Item && !located.has(dep))
      if (pending.length > 0) {
        for (const dep of pending) {
          if (onStack.has(dep)) throw new InvalidContentError('update refers to itself in a loop')
          stack.push(dep)
          onStack.add(dep)
        }
        continue
      }
      located.set(
        item,
        this.locate(item, (id) => this.find(id, index, located), index),
      )
      stack.pop()
      onStack.delete(item)
    }
  }

  /** Where Yjs will put `item` (Item.getMissing's rules), its dependencies being resolved. */
  private locate(item: Y.Item, find: (id: Y.ID) => Found, index: UpdateIndex): Located {
    let at: { place: Place; entry: boolean; key: string | null; holder: Y.Item | null }
    if (typeof item.parent === 'string') {
      at = {
        place: this.rootPlace(item.parent),
        entry: item.parentSub !== null,
        key: item.parentSub,
        holder: null,
      }
    } else if (item.parent instanceof Y.ID) {
      const parent = find(item.parent)
      if (parent === 'missing') throw missing()
      const own = index.find(item.parent)
      at = {
        place: parent === 'gc' ? DISCARDED : parent.inner,
        entry: item.parentSub !== null,
        key: item.parentSub,
        // An element already stored had its attributes checked then; a new one's are checked
        // together, once the whole update has been read.
        holder: own instanceof Y.Item && !this.known(own) ? own : null,
      }
    } else {
      const left = item.origin ? find(item.origin) : null
      const right = item.rightOrigin ? find(item.rightOrigin) : null
      if (left === 'missing' || right === 'missing') throw missing()
      const neighbour = left ?? right
      at =
        left === 'gc' || right === 'gc' || neighbour === null || neighbour === 'gc'
          ? { place: DISCARDED, entry: false, key: null, holder: null }
          : {
              place: neighbour.place,
              entry: neighbour.entry,
              key: neighbour.key,
              holder: neighbour.holder,
            }
    }
    return { ...at, inner: this.innerPlace(item, at) }
  }

  /** Where the children of the type `item` holds go (DISCARDED when it holds none). */
  private innerPlace(item: Y.Item, at: { place: Place; entry: boolean }): Place {
    if (!(item.content instanceof Y.ContentType)) return DISCARDED
    if (at.entry) return ELSEWHERE
    return childPlace(this.rules, at.place, item.content.type)
  }

  private rootPlace(name: string): Place {
    return name === DOCUMENT_FRAGMENT
      ? { kind: 'body', node: this.rules.schema.topNodeType, depth: 0 }
      : ELSEWHERE
  }

  /** Finds the struct holding `id`: in the update, then in flight, then in the doc. */
  private find(id: Y.ID, index: UpdateIndex, located: Map<Y.Item, Located>): Found {
    const own = index.find(id)
    if (own instanceof Y.GC) return 'gc'
    if (own instanceof Y.Item) return located.get(own)!
    const queued = this.inFlight
      .get(id.client)
      ?.find((range) => range.clock <= id.clock && id.clock < range.clock + range.length)
    if (queued) return { ...queued.at, holder: null }
    if (id.clock >= Y.getState(this.doc.store, id.client)) return 'missing'
    const struct = Y.getItem(this.doc.store, id)
    if (!(struct instanceof Y.Item)) return 'gc'
    const parent = struct.parent
    const place = parent instanceof Y.AbstractType ? this.placeOfType(parent) : DISCARDED
    const entry = struct.parentSub !== null
    const inner =
      struct.content instanceof Y.ContentType ? this.placeOfType(struct.content.type) : DISCARDED
    return { place, entry, key: struct.parentSub, inner, holder: null }
  }

  /** Where the children of a type in the doc go; walks up iteratively, caching as it goes. */
  private placeOfType(type: Y.AbstractType<unknown>): Place {
    const chain: Y.AbstractType<unknown>[] = []
    let top: Y.AbstractType<unknown> | null = type
    while (top && top._item !== null && !this.typePlaces.has(top)) {
      chain.push(top)
      top = top._item.parent instanceof Y.AbstractType ? top._item.parent : null
    }
    let place: Place
    if (top === null) place = DISCARDED
    else if (top._item === null && !this.typePlaces.has(top)) {
      place =
        this.doc.share.get(DOCUMENT_FRAGMENT) === top
          ? this.rootPlace(DOCUMENT_FRAGMENT)
          : ELSEWHERE
    } else place = this.typePlaces.get(top) ?? DISCARDED
    for (let i = chain.length - 1; i >= 0; i--) {
      const child = chain[i]!
      const item = child._item!
      place = item.deleted
        ? DISCARDED
        : item.parentSub !== null
          ? ELSEWHERE
          : childPlace(this.rules, place, child)
      this.typePlaces.set(child, place)
    }
    return place
  }
}

/** Where the children of `type`, a child of a list at `parent`, go. */
function childPlace(rules: StructureRules, parent: Place, type: Y.AbstractType<unknown>): Place {
  if (parent.kind === 'discarded') return DISCARDED
  if (parent.kind !== 'body') return ELSEWHERE
  if (type instanceof Y.XmlElement) {
    const node = rules.elementType(type.nodeName)
    return node ? { kind: 'body', node, depth: parent.depth + 1 } : ELSEWHERE
  }
  if (type instanceof Y.XmlText) return { kind: 'text', node: parent.node, depth: parent.depth }
  return ELSEWHERE
}

/** The ids an item needs located before it can be: its parent, or its neighbours. */
function dependencies(item: Y.Item): Y.ID[] {
  if (item.parent instanceof Y.ID) return [item.parent]
  if (typeof item.parent === 'string') return []
  return [item.origin, item.rightOrigin].filter((id): id is Y.ID => id !== null)
}

function missing(): MissingContent {
  return new MissingContent('update builds on content the room does not have')
}

/** The structs of one update by client, found by clock with a binary search. */
class UpdateIndex {
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>()

  constructor(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client)
      if (list) list.push(struct)
      else this.byClient.set(struct.id.client, [struct])
    }
    // In order already for any update Yjs wrote; a hostile one may repeat a client.
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  /** The Item or GC holding `id`; null when the update has none (or only a skip). */
  find(id: Y.ID): Y.Item | Y.GC | null {
    const list = this.byClient.get(id.client)
    if (!list) return null
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const struct = list[mid]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return struct instanceof Y.Skip ? null : struct
    }
    return null
  }
}
