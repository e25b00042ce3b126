/** How the history names a version and its kind. */
import type { Version } from '../api/versions'

const KIND_LABELS: Record<Version['kind'], string> = {
  manual: 'Saved version',
  settled: 'Automatic',
  export: 'Exported',
  'before-restore': 'Before a restore',
  restored: 'Restored',
}

/** The version's name, or what made it. */
export function versionTitle(version: Version): string {
  return version.name ?? KIND_LABELS[version.kind]
}

export function kindLabel(version: Version): string {
  return KIND_LABELS[version.kind]
}

/** "Ada, Grace" or "nobody named". */
export function authorsLabel(version: Version): string {
  return version.authors.length > 0 ? version.authors.map((a) => a.name).join(', ') : '—'
}
