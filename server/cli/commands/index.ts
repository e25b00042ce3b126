/** The CLI's subcommands. A new command is one file in this folder plus one entry here. */

import type { Command } from '../command'
import { exportCommand } from './export'
import { extractCommand } from './extract'
import { reindexCommand } from './reindex'
import { renewEpochCommand } from './renewEpoch'

export const COMMANDS: readonly Command[] = [
  extractCommand,
  exportCommand,
  reindexCommand,
  renewEpochCommand,
]
