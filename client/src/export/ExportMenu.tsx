/**
 * The editor header's Export control: a menu of formats, progress on the button while the
 * server makes the file, and the outcome under it. The briefing's settings that shape the
 * export (citation style, notes, marking) are summed up in the menu, one step from changing.
 */
import { Suspense } from 'react'
import type { BriefingSettings } from '../../../shared/briefing/settings'
import { EXPORT_FORMATS, type ExportFormat } from '../api/export'
import { ChevronDownIcon } from '../ui/icons'
import { lazyNamed } from '../ui/lazyNamed'
import { Menu, MenuSection, MenuSeparator } from '../ui/Menu'
import { FORMAT_LABELS } from './formats'
import { DownloadIcon, FileIcon, SlidersIcon, Spinner } from './icons'
import { settingsSummary } from './settingsForm'
import { useExport } from './useExport'

// Shown only once an export has run: kept out of the editor page's first load.
const ExportOutcome = lazyNamed(() => import('./ExportOutcome'), 'ExportOutcome')

interface ExportMenuProps {
  briefingId: string
  settings: BriefingSettings
  onOpenSettings: () => void
}

export function ExportMenu({ briefingId, settings, onOpenSettings }: ExportMenuProps) {
  const { state, start, dismiss } = useExport(briefingId)
  const busy = state.kind === 'working' ? FORMAT_LABELS[state.format].progress : null

  return (
    <div className="export-control">
      <Menu
        label={busy ?? 'Export'}
        align="end"
        buttonClassName={`button button--small button--ghost export-button${busy ? ' export-button--busy' : ''}`}
        button={
          busy ? (
            <>
              <Spinner />
              <span className="export-button__label">{busy}</span>
            </>
          ) : (
            <>
              <DownloadIcon />
              <span className="export-button__label">Export</span>
              <ChevronDownIcon />
            </>
          )
        }
      >
        {(close) => (
          <>
            <MenuSection>
              <span className="menu__heading">Download as</span>
            </MenuSection>
            {EXPORT_FORMATS.map((format) => (
              <FormatItem
                key={format}
                format={format}
                disabled={busy !== null}
                onSelect={() => {
                  close()
                  start(format)
                }}
              />
            ))}
            <FormatItem
              format="docx"
              label="Word with comments"
              description="Open comment threads as Word comments"
              disabled={busy !== null}
              onSelect={() => {
                close()
                start('docx', true)
              }}
            />
            <MenuSeparator />
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu__item"
              onClick={() => {
                close()
                onOpenSettings()
              }}
            >
              <SlidersIcon />
              <span className="menu__item-label">Document settings…</span>
              <span className="menu__meta">{settingsSummary(settings)}</span>
            </button>
          </>
        )}
      </Menu>
      {/* The button's own label is not re-read when it changes; this is. */}
      <span className="visually-hidden" aria-live="polite">
        {busy ?? ''}
      </span>
      {state.kind !== 'idle' && (
        <Suspense fallback={null}>
          <ExportOutcome
            state={state}
            onRetry={() => state.kind === 'failed' && start(state.format, state.comments)}
            onDismiss={dismiss}
          />
        </Suspense>
      )}
    </div>
  )
}

interface FormatItemProps {
  format: ExportFormat
  /** Instead of the format's own label and description (a variant of it). */
  label?: string
  description?: string
  disabled: boolean
  onSelect: () => void
}

function FormatItem({ format, label, description, disabled, onSelect }: FormatItemProps) {
  const labels = FORMAT_LABELS[format]
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="menu__item export-format"
      aria-disabled={disabled || undefined}
      data-format={format}
      onClick={disabled ? undefined : onSelect}
    >
      <FileIcon />
      <span className="export-format__text">
        <span className="export-format__label">{label ?? labels.label}</span>
        <span className="export-format__description">{description ?? labels.description}</span>
      </span>
    </button>
  )
}
