/**
 * Word styles for the DOCX export. Headings use Word's built-in Heading1..6 (so a table of
 * contents and the navigation pane work); quotes use a "Quote" paragraph style, indented and
 * ruled, with a "Quote Attribution" style under them, so an editor restyles them all at once.
 */
import { AlignmentType, BorderStyle, type IStylesOptions, LevelFormat } from 'docx'

export const COLORS = {
  ink: '1B1F24',
  accent: '1F3A5F',
  muted: '5D6672',
  alert: 'A4161A',
  /** Header cells of tables: a pale grey that prints as a light tint. */
  headerFill: 'F1F3F5',
} as const

export const FONTS = { body: 'Cambria', heading: 'Calibri', mono: 'Consolas' } as const

/** Paragraph style ids used by the renderer. */
export const STYLE = {
  quote: 'Quote',
  attribution: 'QuoteAttribution',
  unverified: 'QuoteUnverified',
  marking: 'HandlingMarking',
  code: 'CodeBlock',
  facts: 'BriefingFacts',
} as const

const quoteBorder = (color: string) => ({
  left: { style: BorderStyle.SINGLE, size: 18, color, space: 10 },
})

export const DOCX_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONTS.body, size: 22, color: COLORS.ink } },
    title: { run: { font: FONTS.heading, size: 44, bold: true, color: COLORS.ink } },
    heading1: {
      run: { font: FONTS.heading, size: 30, bold: true, color: COLORS.accent },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    },
    heading2: {
      run: { font: FONTS.heading, size: 26, bold: true, color: COLORS.accent },
      paragraph: { spacing: { before: 280, after: 100 }, keepNext: true },
    },
    heading3: {
      run: { font: FONTS.heading, size: 23, bold: true, color: COLORS.ink },
      paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: STYLE.attribution,
      quickFormat: true,
      run: { size: 24 },
      paragraph: {
        indent: { left: 720, right: 360 },
        spacing: { before: 240, after: 60 },
        border: quoteBorder(COLORS.accent),
        keepNext: true,
      },
    },
    {
      id: STYLE.unverified,
      name: 'Quote (unverified)',
      basedOn: STYLE.quote,
      next: STYLE.attribution,
      run: { size: 24 },
      paragraph: { border: quoteBorder(COLORS.alert) },
    },
    {
      id: STYLE.attribution,
      name: 'Quote Attribution',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONTS.heading, size: 18, color: COLORS.muted },
      paragraph: { indent: { left: 720 }, spacing: { after: 240 } },
    },
    {
      id: STYLE.marking,
      name: 'Handling Marking',
      basedOn: 'Normal',
      run: { font: FONTS.heading, size: 16, bold: true, color: COLORS.alert, characterSpacing: 30 },
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: STYLE.code,
      name: 'Code Block',
      basedOn: 'Normal',
      run: { font: FONTS.mono, size: 18 },
      paragraph: { spacing: { before: 0, after: 0 } },
    },
    {
      id: STYLE.facts,
      name: 'Briefing Facts',
      basedOn: 'Normal',
      run: { font: FONTS.heading, size: 18 },
      paragraph: { spacing: { after: 40 } },
    },
  ],
}

/** Numbering definitions: one bullet scheme, and one decimal scheme per start value used. */
export function numberingConfig(orderedStarts: Iterable<number>) {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], start = 1) =>
    Array.from({ length: 6 }, (_, level) => ({
      level,
      format,
      start,
      text: format === LevelFormat.BULLET ? (level % 2 === 0 ? '•' : '◦') : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } },
    }))
  return {
    config: [
      { reference: 'bullets', levels: levels(LevelFormat.BULLET) },
      ...[...new Set(orderedStarts)].map((start) => ({
        reference: orderedReference(start),
        levels: levels(LevelFormat.DECIMAL, start),
      })),
    ],
  }
}

/** The numbering reference for ordered lists starting at `start`. */
export function orderedReference(start: number): string {
  return `ordered-${start}`
}
