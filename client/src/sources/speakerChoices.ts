/**
 * The people a speaker form offers for a source: those the importer found in the text
 * (`source.people`), then any speaker it named or suggested for a quotation, each once.
 * Older sources have no people list, so the quotations' speakers are all they offer.
 */
import { probableSpeaker, type Source, type SourcePerson, sameName } from '../../../shared/sources'

/** The source's people, in the order the importer listed them, without repeats. */
export function speakerChoices(
  source: Pick<Source, 'people' | 'quotes'> | undefined,
): SourcePerson[] {
  if (!source) return []
  const choices: SourcePerson[] = []
  const add = (name: string | null, role: string | null) => {
    const trimmed = name?.trim()
    if (!trimmed) return
    const known = choices.find((choice) => sameName(choice.name, trimmed))
    if (known) known.role ??= role?.trim() || null
    else choices.push({ name: trimmed, role: role?.trim() || null })
  }
  for (const person of source.people ?? []) add(person.name, person.role)
  for (const quote of source.quotes) add(probableSpeaker(quote), quote.speakerRole)
  return choices
}

/** The role `choices` give `name`, for filling the role field when a person is picked. */
export function roleOf(choices: readonly SourcePerson[], name: string): string | null {
  return choices.find((choice) => sameName(choice.name, name))?.role ?? null
}
