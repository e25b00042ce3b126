/**
 * `React.lazy` for a named export, so a page or dialog that only some visits open is split
 * into its own chunk and fetched when first rendered, not with the page that can open it
 * (the page-weight budget, bench/lib/pageWeight.ts). Render it inside a `Suspense`.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from 'react'

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own bound; the props stay M[K]'s.
type AnyComponent = ComponentType<any>

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }))
}
