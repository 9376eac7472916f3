import type { OmsItem } from './omsTypes'
import type { PickedItem } from './pickAndPackTypes'

export type ReconciliationState = 'COMPLETE' | 'SHORT' | 'MISSING' | 'EXTRA'
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
}

const KEYS: Array<[MatchKey, 'refId' | 'ean' | 'id']> = [
  ['REF_ID', 'refId'],
  ['EAN', 'ean'],
  ['ID', 'id'],
]

const present = (value: string | null): value is string =>
  value !== null && value.trim() !== ''

function stateOf(ordered: number, picked: number): ReconciliationState {
  if (picked <= 0) return 'MISSING'

  return picked < ordered ? 'SHORT' : 'COMPLETE'
}

/**
 * Matches each ordered line with a picked line by refId, then EAN, then id (each picked line
 * used once) and says whether it was picked complete, short or not at all; picked lines that
 * match nothing ordered are extras (substitutions or mistakes).
 */
export function reconcile(
  ordered: OmsItem[],
  picked: PickedItem[]
): ItemReconciliation[] {
  const unused = new Set(picked.map((_, index) => index))
  const result: ItemReconciliation[] = []

  for (const item of ordered) {
    let match: { index: number; key: MatchKey } | null = null

    for (const [key, field] of KEYS) {
      const wanted = item[field]

      if (!present(wanted)) continue
      const index = picked.findIndex(
        (candidate, i) => unused.has(i) && candidate[field] === wanted
      )

      if (index >= 0) {
        match = { index, key }
        break
      }
    }

    const orderedQuantity = item.quantity ?? 0
    const pickedItem = match ? picked[match.index] : null
    const pickedQuantity = pickedItem ? pickedItem.quantity ?? 0 : 0

    if (match) unused.delete(match.index)

    result.push({
      matchedBy: match ? match.key : 'NONE',
      refId: item.refId ?? pickedItem?.refId ?? null,
      ean: item.ean ?? pickedItem?.ean ?? null,
      id: item.id ?? pickedItem?.id ?? null,
      name: item.name ?? pickedItem?.name ?? null,
      orderedQuantity,
      pickedQuantity,
      state: stateOf(orderedQuantity, pickedQuantity),
    })
  }

  picked.forEach((item, index) => {
    if (!unused.has(index)) return
    result.push({
      matchedBy: 'NONE',
      refId: item.refId,
      ean: item.ean,
      id: item.id,
      name: item.name,
      orderedQuantity: 0,
      pickedQuantity: item.quantity ?? 0,
      state: 'EXTRA',
    })
  })

  return result
}
