import { quoted } from './whereValue'

/**
 * Master Data belongs to the account, not to a workspace (VBase and events do). Without care,
 * the notifications a development workspace receives would reach master's board, histories
 * and sweep. Master's documents stay as they always were: ids as given, no `workspace` field.
 * Another workspace's carry its name, in a field and before their ids, and each workspace
 * searches only its own.
 */
export interface WorkspaceScope {
  /** The document id of the app's own id (an order id, a change id). */
  id(id: string): string
  /** The app's own id back from a document id. */
  ownId(documentId: string): string
  /** `where` narrowed to this workspace's documents. */
  where(where?: string): string
  /** What this workspace's documents carry besides their own fields. */
  fields: { workspace?: string }
}

export function workspaceScope(workspace: string | undefined): WorkspaceScope {
  if (!workspace || workspace === 'master') {
    return {
      id: (id) => id,
      ownId: (documentId) => documentId,
      where: (where) =>
        where ? `workspace is null AND (${where})` : 'workspace is null',
      fields: {},
    }
  }

  const prefix = `${workspace}-`

  return {
    id: (id) => `${prefix}${id}`,
    ownId: (documentId) =>
      documentId.startsWith(prefix)
        ? documentId.slice(prefix.length)
        : documentId,
    where: (where) =>
      where
        ? `workspace=${quoted(workspace)} AND (${where})`
        : `workspace=${quoted(workspace)}`,
    fields: { workspace },
  }
}
