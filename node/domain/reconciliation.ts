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

/** Grams and kilograms (the OMS's measurementUnit beside Pick and Pack's unitOfMeasure). */
const GRAMS_PER: Record<string, number> = {
  g: 1,
  gr: 1,
  grams: 1,
  kg: 1000,
  kilograms: 1000,
}

/** What one OMS unit holds, in the line's unit of measure (null when unknown). */
function omsUnitInLine(item: OmsItem, line: PickedItem): number | null {
  if (item.unitMultiplier === null) return null
  const from = GRAMS_PER[(item.measurementUnit ?? '').toLowerCase()]
  const to = GRAMS_PER[(line.unitOfMeasure ?? '').toLowerCase()]

  if (from && to) return (item.unitMultiplier * from) / to

  return item.measurementUnit ? null : item.unitMultiplier
}

/**
 * The ordered measure of a line: units, or for a weighed line the weight Pick and Pack says
 * was ordered, else the OMS quantity times what one OMS unit holds.
 */
function orderedMeasure(item: OmsItem, line: PickedItem | null): number {
  const units = item.quantity ?? 0

  if (!line?.weighable) return units

  return line.originalQuantity ?? units * (omsUnitInLine(item, line) ?? 1)
}

/**
 * Weighed goods never hit the ordered weight exactly: within one OMS unit (what the store
 * sells by, e.g. 100 g) or, without one, 5 % of the weight, a line is complete.
 */
function isShort(item: OmsItem, line: PickedItem, ordered: number) {
  const picked = line.quantity ?? 0

  if (!line.weighable) return picked < ordered
  const step = omsUnitInLine(item, line)
  const tolerance =
    step !== null && step < ordered ? step : ordered * WEIGHT_TOLERANCE

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
    // A line may stand in several lists: rejected with reasons, and replaced by another.
    const replacement = replaced.take(item)
    const rejection = rejected.take(item)
    const pick = picked.take(item)
    const lines = [pick, rejection, replacement].flatMap((found) =>
      found ? [found.line] : []
    )

    const match = pick ?? rejection ?? replacement
    const line = match?.line ?? null
    const orderedQuantity = orderedMeasure(item, line)
    let substitutes = [...new Set(lines.flatMap((found) => found.replacedBy))]

    if (replacement && substitutes.length === 0) {
      // The substitute may say what it replaced instead: its own replacedBy names this line.
      const keys = [item, ...lines]
        .flatMap(({ id, refId, ean }) => [id, refId, ean])
        .filter(present)

      const found = order.pickedItems.filter((candidate) =>
        candidate.replacedBy.some((reference) => keys.includes(reference))
      )

      for (const substitute of found) substituteLines.add(substitute)
      substitutes = found.map(label)
    }

    for (const name of substitutes) substituteNames.add(name)
    const pickedQuantity = pick ? pick.line.quantity ?? 0 : 0

    let state: ReconciliationState

    if (replacement || substitutes.length > 0) state = 'SUBSTITUTED'
    else if (pick && !isShort(item, pick.line, orderedQuantity)) {
      state = 'COMPLETE'
    } else if (pickedQuantity > 0 && (finished || rejection)) state = 'SHORT'
    else if (rejection || finished) state = 'MISSING'
    else state = 'PENDING'

    result.push({
      matchedBy: match ? match.key : 'NONE',
      refId: item.refId ?? line?.refId ?? null,
      ean: item.ean ?? line?.ean ?? null,
      id: item.id ?? line?.id ?? null,
      name: item.name ?? line?.name ?? null,
      orderedQuantity,
      pickedQuantity,
      state,
      reasons: [...new Set(lines.flatMap((found) => found.reasons))],
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
