import type { MasterData } from '@vtex/api'

import type { OrderSummaryDocument } from '../domain/board'
import type { WorkspaceScope } from '../domain/workspaceScope'
import { workspaceScope } from '../domain/workspaceScope'
import { describeHttpFailure } from '../domain/upstreamErrors'
import { StorageError } from '../storage/jsonStore'
import type { AppWorkspace } from './dataEntity'
import { appDataEntity, appSchema } from './dataEntity'

const ENTITY = 'orderSummary'
const FIELDS = [
  'orderId',
  'status',
  'since',
  'lastChangeAt',
  'changes',
  'final',
  'beforeInvoicing',
  'omsStatus',
  'omsChangedAt',
  'nextCheckAt',
]

/** The data entity of `masterdata/orderSummary/`. */
export const orderSummaryEntity = () => appDataEntity(ENTITY)

const failure = (): never => {
  // The client's error carries the app token in its request config: keep only the fact.
  throw new StorageError('The order summaries could not be read or saved')
}

/**
 * Order summaries in Master Data v2: one document per order, patched field by field; each
 * workspace reads and writes only its own (see workspaceScope).
 */
export class OrderSummaries {
  private readonly scope: WorkspaceScope
  private readonly schema: string | undefined

  constructor(private readonly masterdata: MasterData, app: AppWorkspace) {
    this.scope = workspaceScope(app.workspace)
    this.schema = appSchema(app)
  }

  /** Strongly consistent, unlike search. */
  public async get(orderId: string): Promise<OrderSummaryDocument | null> {
    try {
      return await this.masterdata.getDocument<OrderSummaryDocument>({
        dataEntity: orderSummaryEntity(),
        id: this.scope.id(orderId),
        fields: FIELDS,
      })
    } catch (error) {
      if (describeHttpFailure(error).status === 404) {
        return null
      }

      return failure()
    }
  }

  /** Creates the document or updates only the given fields (each writer owns its fields). */
  public async patch(
    orderId: string,
    fields: Partial<OrderSummaryDocument>
  ): Promise<void> {
    try {
      await this.masterdata.createOrUpdatePartialDocument({
        dataEntity: orderSummaryEntity(),
        schema: this.schema,
        id: this.scope.id(orderId),
        fields: { ...fields, orderId, ...this.scope.fields },
      })
    } catch {
      failure()
    }
  }

  /** A page of summaries matching `where` (1-based page), with the total that match. */
  public async search(
    where: string,
    { page, pageSize }: { page: number; pageSize: number },
    sort = 'since ASC'
  ): Promise<{ documents: OrderSummaryDocument[]; total: number }> {
    try {
      const { data, pagination } =
        await this.masterdata.searchDocumentsWithPaginationInfo<OrderSummaryDocument>(
          {
            dataEntity: orderSummaryEntity(),
            schema: this.schema,
            fields: FIELDS,
            where: this.scope.where(where),
            sort,
            pagination: { page, pageSize },
          }
        )

      return { documents: data, total: pagination.total }
    } catch {
      return failure()
    }
  }

  /** How many match: one document asked for, the total read from REST-Content-Range. */
  public async count(where: string): Promise<number> {
    return (await this.search(where, { page: 1, pageSize: 1 })).total
  }
}
