import type { MasterData } from '@vtex/api'

import { MAX_REACHABLE } from '../domain/board'
import type { HistoryEntry } from '../domain/history'
import { MAX_ENTRIES_PER_ORDER } from '../domain/history'
import { isRecord, toText } from '../domain/normalize'
import type { WorkspaceScope } from '../domain/workspaceScope'
import { quoted } from '../domain/whereValue'
import { workspaceScope } from '../domain/workspaceScope'
import { describeHttpFailure } from '../domain/upstreamErrors'
import { StorageError } from '../storage/jsonStore'
import type { AppWorkspace } from './dataEntity'
import { appDataEntity, appSchema } from './dataEntity'

const ENTITY = 'statusChange'
const FIELDS = [
  'id',
  'orderId',
  'oldStatus',
  'newStatus',
  'hostname',
  'receivedAt',
  'occurredAt',
  'source',
  'extra',
]

/** Master Data's largest page. */
const PAGE = 100

export const statusChangeEntity = () => appDataEntity(ENTITY)

/** The document as stored: a history entry with its id as the document's id. */
type StatusChangeDocument = HistoryEntry

const failure = (): never => {
  // The client's error carries the app token in its request config: keep only the fact.
  throw new StorageError('The status changes could not be read or saved')
}

/** Back to a history entry, whatever Master Data adds to or leaves out of the document. */
const toEntry = (
  document: StatusChangeDocument,
  scope: WorkspaceScope
): HistoryEntry => ({
  id: scope.ownId(document.id),
  orderId: document.orderId,
  oldStatus: toText(document.oldStatus),
  newStatus: document.newStatus,
  hostname: toText(document.hostname),
  receivedAt: document.receivedAt,
  occurredAt: toText(document.occurredAt),
  ...(document.source ? { source: document.source } : {}),
  extra: isRecord(document.extra) ? document.extra : {},
})

/**
 * Every accepted status change, one Master Data document each under the change's own id: the
 * copy of the change, searchable by order: what a reader merges back into an order's history
 * when a concurrent creation dropped a change from it. Each workspace reads and writes only
 * its own (see workspaceScope).
 */
export class StatusChanges {
  private readonly scope: WorkspaceScope
  private readonly schema: string | undefined

  constructor(private readonly masterdata: MasterData, app: AppWorkspace) {
    this.scope = workspaceScope(app.workspace)
    this.schema = appSchema(app)
  }

  public async save(entry: HistoryEntry): Promise<void> {
    try {
      await this.masterdata.createOrUpdateEntireDocument({
        dataEntity: statusChangeEntity(),
        schema: this.schema,
        id: this.scope.id(entry.id),
        fields: {
          ...entry,
          id: this.scope.id(entry.id),
          ...this.scope.fields,
        },
      })
    } catch {
      failure()
    }
  }

  /**
   * An order's changes, oldest first. Search lags writes (seconds on Master Data): a change
   * written just now may be missing; its order's VBase history holds it by then.
   */
  public async ofOrder(orderId: string): Promise<HistoryEntry[]> {
    const found: HistoryEntry[] = []

    for (let page = 1; page * PAGE <= MAX_ENTRIES_PER_ORDER; page++) {
      // eslint-disable-next-line no-await-in-loop
      const documents = await this.search(
        `orderId=${quoted(orderId)}`,
        'receivedAt ASC',
        { page, pageSize: PAGE }
      )

      found.push(...documents)
      if (documents.length < PAGE) break
    }

    return found
  }

  /** Whether the change has its document: read by id, strongly consistent (search is not). */
  public async has(id: string): Promise<boolean> {
    try {
      await this.masterdata.getDocument({
        dataEntity: statusChangeEntity(),
        id: this.scope.id(id),
        fields: ['id'],
      })

      return true
    } catch (error) {
      if (describeHttpFailure(error).status === 404) {
        return false
      }

      return failure()
    }
  }

  /**
   * The ids of the changes received in [fromMs, toMs) that have their document: those whose
   * own event handler kept their record (see HistoryStore.keepRecord).
   */
  public async idsReceivedBetween(
    fromMs: number,
    toMs: number
  ): Promise<Set<string>> {
    // Master Data's `_where` has > and <, not >=: one millisecond earlier.
    const where = `receivedAt>${new Date(
      fromMs - 1
    ).toISOString()} AND receivedAt<${new Date(toMs).toISOString()}`

    const ids = new Set<string>()

    for (let page = 1; page * PAGE <= MAX_REACHABLE; page++) {
      // eslint-disable-next-line no-await-in-loop
      const documents = await this.searchDocuments({
        where,
        sort: 'receivedAt ASC',
        pagination: { page, pageSize: PAGE },
        fields: ['id'],
      })

      for (const { id } of documents) ids.add(this.scope.ownId(id))
      if (documents.length < PAGE) break
    }

    return ids
  }

  private async search(
    where: string | undefined,
    sort: string,
    pagination: { page: number; pageSize: number }
  ): Promise<HistoryEntry[]> {
    const documents = await this.searchDocuments({
      where,
      sort,
      pagination,
      fields: FIELDS,
    })

    return documents.map((document) => toEntry(document, this.scope))
  }

  private async searchDocuments(query: {
    where: string | undefined
    sort: string
    pagination: { page: number; pageSize: number }
    fields: string[]
  }): Promise<StatusChangeDocument[]> {
    try {
      return await this.masterdata.searchDocuments<StatusChangeDocument>({
        dataEntity: statusChangeEntity(),
        schema: this.schema,
        ...query,
        where: this.scope.where(query.where),
      })
    } catch {
      return failure()
    }
  }
}
