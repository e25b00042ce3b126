/**
 * A version's document, read-only, and the compare of two: drawn from ProseMirror JSON block
 * by block (headings, paragraphs, lists and quotes as text), never as HTML, so nothing a
 * document holds can run in the page.
 */
import type { BlockDiff, NodeJSON, WordRun } from '../../../shared/versions/diff'
import { blockText } from '../../../shared/versions/diff'

/** One block as read-only text, in the element its type calls for. */
function Block({ node, className }: { node: NodeJSON; className?: string }) {
  const text = blockText(node)
  switch (node.type) {
    case 'heading':
      return <h3 className={className}>{text}</h3>
    case 'sourceQuote':
      return (
        <figure className={`history-quote ${className ?? ''}`}>
          <blockquote>{text}</blockquote>
          {typeof node.attrs?.speaker === 'string' && <figcaption>{node.attrs.speaker}</figcaption>}
        </figure>
      )
    default:
      return <p className={className}>{text}</p>
  }
}

export function VersionDocument({ doc }: { doc: NodeJSON }) {
  return (
    <div className="history-document">
      {(doc.content ?? []).map((node, index) => (
        // Blocks have no ids; the list is drawn once per opened version.
        // biome-ignore lint/suspicious/noArrayIndexKey: a static, read-only list
        <Block key={index} node={node} />
      ))}
    </div>
  )
}

function Words({ runs }: { runs: WordRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: a static, read-only list
        if (run.op === 'inserted') return <ins key={index}>{run.text}</ins>
        // biome-ignore lint/suspicious/noArrayIndexKey: a static, read-only list
        if (run.op === 'deleted') return <del key={index}>{run.text}</del>
        // biome-ignore lint/suspicious/noArrayIndexKey: a static, read-only list
        return <span key={index}>{run.text}</span>
      })}
    </>
  )
}

function ChangedBlock({ block }: { block: Extract<BlockDiff, { op: 'changed' }> }) {
  const Tag =
    block.to.type === 'heading' ? 'h3' : block.to.type === 'sourceQuote' ? 'blockquote' : 'p'
  return (
    <div className="history-diff__changed">
      <Tag>
        <Words runs={block.words} />
      </Tag>
      {block.speaker && (
        <p className="history-diff__speaker">
          Speaker: <del>{block.speaker.from ?? 'none'}</del> →{' '}
          <ins>{block.speaker.to ?? 'none'}</ins>
        </p>
      )}
    </div>
  )
}

/** The compare: kept blocks plain, inserted ones marked, deleted ones struck, edits by word. */
export function VersionDiff({ blocks }: { blocks: BlockDiff[] }) {
  return (
    <div className="history-document history-diff">
      {blocks.map((block, index) =>
        block.op === 'changed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a static, read-only list
          <ChangedBlock key={index} block={block} />
        ) : (
          <Block
            // biome-ignore lint/suspicious/noArrayIndexKey: a static, read-only list
            key={index}
            node={block.block}
            className={block.op === 'same' ? undefined : `history-diff__${block.op}`}
          />
        ),
      )}
    </div>
  )
}
