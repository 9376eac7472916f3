import { quoted } from '../domain/whereValue'
import { workspaceScope } from '../domain/workspaceScope'

describe('workspaceScope', () => {
  it("leaves master's documents as they always were, and reads only those", () => {
    const master = workspaceScope('master')

    expect(master.id('1253881550441-01')).toBe('1253881550441-01')
    expect(master.ownId('1253881550441-01')).toBe('1253881550441-01')
    expect(master.fields).toEqual({})
    expect(master.where('final=false')).toBe(
      'workspace is null AND (final=false)'
    )
    expect(master.where()).toBe('workspace is null')
  })

  it('takes a missing workspace for master', () => {
    expect(workspaceScope(undefined).where()).toBe('workspace is null')
    expect(workspaceScope('').id('a')).toBe('a')
  })

  it("marks another workspace's documents and reads only those, whatever the clause's ORs", () => {
    const dev = workspaceScope('dev1')

    expect(dev.id('1253881550441-01')).toBe('dev1-1253881550441-01')
    expect(dev.ownId('dev1-1253881550441-01')).toBe('1253881550441-01')
    expect(dev.fields).toEqual({ workspace: 'dev1' })
    expect(dev.where('status=PICKING OR status=PACKING')).toBe(
      'workspace="dev1" AND (status=PICKING OR status=PACKING)'
    )
  })

  it('quotes values with quotes and backslashes', () => {
    expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"')
  })
})
