/**
 * Yjs updates that parse (Y.decodeUpdate accepts them) but make Y.applyUpdate throw. No real
 * client writes them; a hostile or broken one can. Found by mutating real updates.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * An update that decodes but cannot be applied: one string item whose left origin is a
 * later clock of its own client. No real client can produce it (an item can only follow
 * what existed before it); Yjs throws while integrating it.
 */
export function selfForwardReferenceUpdate(): Uint8Array {
  const client = 424242
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 1) // clients
  encoding.writeVarUint(encoder.restEncoder, 1) // structs of this client
  encoder.writeClient(client)
  encoding.writeVarUint(encoder.restEncoder, 0) // first clock
  encoder.writeInfo(0x80 | 4) // has a left origin; content is a string
  encoder.writeLeftID(Y.createID(client, 5))
  encoder.writeString('evil')
  encoding.writeVarUint(encoder.restEncoder, 0) // empty delete set
  return encoder.toUint8Array()
}

/** An update that decodes but deletes an empty range; Yjs throws applying it. */
export function emptyDeletionUpdate(): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 0) // no structs
  encoding.writeVarUint(encoder.restEncoder, 1) // clients in the delete set
  encoding.writeVarUint(encoder.restEncoder, 424242)
  encoding.writeVarUint(encoder.restEncoder, 1) // ranges of this client
  encoder.writeDsClock(3)
  encoder.writeDsLen(0)
  return encoder.toUint8Array()
}
