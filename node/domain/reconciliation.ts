import type { OmsItem } from './omsTypes'
import type { PickAndPackOrder, PickedItem } from './pickAndPackTypes'
import { statusRank } from './statuses'
import { pickingFinished } from './v1Order'

export type ReconciliationState =
  | 'COMPLETE'
  | 'SHORT'
  | 'MISSING'
  | 'EXTRA'
  | 'SUBSTITUTED'
  | 'PENDING'

export type MatchKey = 'REF_ID' | 'EAN' | 'ID' | 'NONE'

export interface ItemReconciliation {
  matchedBy: MatchKey
  refId: string | null
  ean: string | null
  id: string | null
  name: string | null
  orderedQuantity: number
  pickedQuantity: number
  state: ReconciliationState
  reasons: string[]
  substitutes: string[]
  weighable: boolean
  unitOfMeasure: string | null
}

const KEYS: Array<[MatchKey, 'refId' | 'ean' | 'id']> = [
  ['REF_ID', 'refId'],
  ['EAN', 'ean'],
  ['ID', 'id'],
]

const present = (value: string | null): value is string =>
  value !== null && value.trim() !== ''

/** Share of the ordered weight a weighed line may miss and still be complete. */
const WEIGHT_TOLERANCE = 0.05

/** Whether Pick and Pack is done picking: before that, nothing is missing yet. */
function isPickingFinished(order: PickAndPackOrder): boolean {
  if (order.source === 'V1') return pickingFinished(order.pickingStatus)
  const rank = statusRank(order.fulfillmentStatus)
  const readyForPacking = statusRank('READY_FOR_PACKING') as number

  // An unknown status says nothing: lines are judged as they are.
  return rank === null || rank === 0 || rank >= readyForPacking
}

/** Finds, among the lines not yet used, the first that matches by refId, EAN, then id. */
function matcher(lines: PickedItem[]) {
  const unused = new Set(lines.map((_, index) => index))

  return {
    take(item: OmsItem): { line: PickedItem; key: MatchKey } | null {
      for (const [key, field] of KEYS) {
        const wanted = item[field]

        if (!present(wanted)) continue
        const index = lines.findIndex(
          (candidate, i) => unused.has(i) && candidate[field] === wanted
        )

        if (index >= 0) {
          unused.delete(index)

          return { line: lines[index], key }
        }
      }

      return null
    },
    left: () => lines.filter((_, index) => unused.has(index)),
  }
}

/**
 * The ordered measure of a line: units, or for a weighed line the weight Pick and Pack says
 * was ordered, else the OMS quantity times what one OMS unit holds.
 */
function orderedMeasure(item: OmsItem, line: PickedItem | null): number {
  const units = item.quantity ?? 0

  if (!line?.weighable) return units

  return line.originalQuantity ?? units * (item.unitMultiplier ?? 1)
}

/**
 * Weighed goods never hit the ordered weight exactly: within one OMS unit (what the store
 * sells by, e.g. 100 g) or, without one, 5 % of the weight, a line is complete.
 */
function isShort(item: OmsItem, line: PickedItem, ordered: number) {
  const picked = line.quantity ?? 0

  if (!line.weighable) return picked < ordered
  const tolerance =
    item.unitMultiplier !== null && item.unitMultiplier < ordered
      ? item.unitMultiplier
      : ordered * WEIGHT_TOLERANCE

  return picked < ordered - tolerance - 1e-9
}

/**
 * Matches each ordered line (OMS) with what Pick and Pack did with it (picked, replaced,
 * rejected, not handled yet; by refId, then EAN, then id) and says how it stands. Picked lines
 * that match nothing ordered and replace nothing are extras.
 */
export function reconcile(
  ordered: OmsItem[],
  order: PickAndPackOrder
): ItemReconciliation[] {
  const finished = isPickingFinished(order)
  const picked = matcher(order.pickedItems)
  const replaced = matcher(order.replacedItems)
  const rejected = matcher(order.rejectedItems)
  const substituteNames = new Set<string>()
  const result: ItemReconciliation[] = []

  const substituteLines = new Set<PickedItem>()
  const label = (line: PickedItem) => line.name ?? line.refId ?? line.id ?? '?'

  for (const item of ordered) {
    const replacement = replaced.take(item)
    const pick = replacement ? null : picked.take(item)
    const rejection = replacement || pick ? null : rejected.take(item)
    const match = replacement ?? pick ?? rejection
    const line = match?.line ?? null
    const orderedQuantity = orderedMeasure(item, line)
    let substitutes = line?.replacedBy ?? []

    if (replacement && substitutes.length === 0) {
      // The substitute may say what it replaced instead: its own replacedBy names this line.
      const keys = [item, replacement.line]
        .flatMap(({ id, refId, ean }) => [id, refId, ean])
        .filter(present)

      const lines = order.pickedItems.filter((candidate) =>
        candidate.replacedBy.some((reference) => keys.includes(reference))
      )

      for (const substitute of lines) substituteLines.add(substitute)
      substitutes = lines.map(label)
    }

    for (const name of substitutes) substituteNames.add(name)

    let state: ReconciliationState

    if (replacement || substitutes.length > 0) state = 'SUBSTITUTED'
    else if (pick && !isShort(item, pick.line, orderedQuantity)) {
      state = 'COMPLETE'
    } else if (!finished && !rejection) state = 'PENDING'
    else if (pick && (pick.line.quantity ?? 0) > 0) state = 'SHORT'
    else state = 'MISSING'

    result.push({
      matchedBy: match ? match.key : 'NONE',
      refId: item.refId ?? line?.refId ?? null,
      ean: item.ean ?? line?.ean ?? null,
      id: item.id ?? line?.id ?? null,
      name: item.name ?? line?.name ?? null,
      orderedQuantity,
      pickedQuantity: pick ? pick.line.quantity ?? 0 : 0,
      state,
      reasons: line?.reasons ?? [],
      substitutes,
      weighable: line?.weighable ?? false,
      unitOfMeasure: line?.unitOfMeasure ?? null,
    })
  }

  for (const line of picked.left()) {
    // What went instead of a replaced line is named there, not listed again as extra.
    if (line.name !== null && substituteNames.has(line.name)) continue
    if (
      [line.id, line.refId, line.ean].some(
        (key) => key && substituteNames.has(key)
      )
    ) {
      continue
    }

    result.push({
      matchedBy: 'NONE',
      refId: line.refId,
      ean: line.ean,
      id: line.id,
      name: line.name,
      orderedQuantity: 0,
      pickedQuantity: line.quantity ?? 0,
      state: 'EXTRA',
      reasons: [],
      substitutes: [],
      weighable: line.weighable,
      unitOfMeasure: line.unitOfMeasure,
    })
  }

  return result
}
