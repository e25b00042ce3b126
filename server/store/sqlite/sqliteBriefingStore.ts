/** BriefingStore on SQLite. */
import type { Briefing } from '../../../shared/briefing'
import type { BriefingStore } from '../briefingStore'
import type { SqliteDatabase } from './database'

interface BriefingRow {
  id: string
  title: string
  created_at: string
  updated_at: string
}

function toBriefing(row: BriefingRow): Briefing {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at }
}

export class SqliteBriefingStore implements BriefingStore {
  constructor(private readonly db: SqliteDatabase) {}

  async create(input: { id: string; title: string; now: string }): Promise<Briefing> {
    this.db
      .prepare('INSERT INTO briefings (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(input.id, input.title, input.now, input.now)
    return { id: input.id, title: input.title, createdAt: input.now, updatedAt: input.now }
  }

  async get(id: string): Promise<Briefing | undefined> {
    const row = this.db
      .prepare<[string], BriefingRow>('SELECT * FROM briefings WHERE id = ?')
      .get(id)
    return row && toBriefing(row)
  }

  async list(): Promise<Briefing[]> {
    return this.db
      .prepare<[], BriefingRow>('SELECT * FROM briefings ORDER BY updated_at DESC, id')
      .all()
      .map(toBriefing)
  }

  async update(id: string, patch: { title?: string; now: string }): Promise<Briefing | undefined> {
    const row = this.db
      .prepare<[string | null, string, string], BriefingRow>(
        'UPDATE briefings SET title = COALESCE(?, title), updated_at = ? WHERE id = ? RETURNING *',
      )
      .get(patch.title ?? null, patch.now, id)
    return row && toBriefing(row)
  }

  async touch(id: string, now: string): Promise<void> {
    this.db.prepare('UPDATE briefings SET updated_at = ? WHERE id = ?').run(now, id)
  }

  async delete(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM briefings WHERE id = ?').run(id).changes > 0
  }
}
