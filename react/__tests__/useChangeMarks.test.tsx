import { render } from '@testing-library/react'
import React from 'react'

import { useChangeMarks } from '../components/OrderView/useChangeMarks'

function Marks(props: { readAt: Date | null; ids: string[] | null }) {
  const { fresh } = useChangeMarks(props.readAt, props.ids, null)

  return <span data-testid="fresh">{[...fresh].join(',')}</span>
}

const t = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, seconds))

describe('marks of what changed', () => {
  const shown = (view: ReturnType<typeof render>) =>
    view.getByTestId('fresh').textContent

  it('marks a new entry whether its data or its read time arrives first, and clears it at a read with nothing new', () => {
    const view = render(<Marks readAt={t(0)} ids={['a']} />)

    expect(shown(view)).toBe('')

    // The data first, then the read time.
    view.rerender(<Marks readAt={t(0)} ids={['a', 'b']} />)
    view.rerender(<Marks readAt={t(15)} ids={['a', 'b']} />)
    expect(shown(view)).toBe('b')

    // The read time first, then the data.
    view.rerender(<Marks readAt={t(30)} ids={['a', 'b']} />)
    expect(shown(view)).toBe('')
    view.rerender(<Marks readAt={t(45)} ids={['a', 'b']} />)
    view.rerender(<Marks readAt={t(45)} ids={['a', 'b', 'c']} />)
    expect(shown(view)).toBe('c')
  })

  it('marks nothing at the first read', () => {
    const view = render(<Marks readAt={null} ids={null} />)

    view.rerender(<Marks readAt={t(0)} ids={['a', 'b']} />)
    expect(shown(view)).toBe('')
  })
})
