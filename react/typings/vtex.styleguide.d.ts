// The subset of vtex.styleguide (9.x) this app uses. VTEX IO resolves the import at runtime;
// locally it is aliased to @vtex/styleguide, which ships no types for its barrel.
declare module 'vtex.styleguide' {
  import type {
    ComponentType,
    ReactElement,
    ReactNode,
    KeyboardEvent,
    ChangeEvent,
    MouseEvent,
  } from 'react'

  export const Layout: ComponentType<{
    pageHeader: ReactNode
    fullWidth?: boolean
    children: ReactNode
  }>
  export const PageHeader: ComponentType<{
    title: ReactNode
    subtitle?: ReactNode
    linkLabel?: ReactNode
    onLinkClick?: (e: MouseEvent) => void
    children?: ReactNode
  }>
  export const PageBlock: ComponentType<{
    title?: string
    subtitle?: string
    titleAside?: ReactNode
    variation?: 'full' | 'half' | 'annotated' | 'aside'
    testId?: string
    children: ReactNode
  }>
  export const Alert: ComponentType<{
    type: 'success' | 'error' | 'warning'
    action?: { label: ReactNode; onClick: () => void }
    onClose?: () => void
    children: ReactNode
  }>
  export const Tag: ComponentType<{
    type?: 'success' | 'error' | 'warning'
    variation?: 'default' | 'low'
    size?: 'small' | 'regular' | 'large'
    bgColor?: string
    color?: string
    children: ReactNode
  }>
  export const Spinner: ComponentType<{ size?: number; color?: string }>
  export const IconImage: ComponentType<{
    size?: number
    color?: string
    block?: boolean
  }>
  export const EmptyState: ComponentType<{
    title?: ReactNode
    children?: ReactNode
  }>
  export const Button: ComponentType<{
    variation?:
      | 'primary'
      | 'secondary'
      | 'tertiary'
      | 'inverted-tertiary'
      | 'danger'
      | 'danger-tertiary'
    size?: 'small' | 'regular' | 'large'
    type?: string
    href?: string
    target?: string
    rel?: string
    isLoading?: boolean
    disabled?: boolean
    block?: boolean
    testId?: string
    onClick?: (e: MouseEvent) => void
    children: ReactNode
  }>
  export const Input: ComponentType<{
    id?: string
    label?: string
    value?: string
    placeholder?: string
    error?: boolean
    errorMessage?: string
    helpText?: ReactNode
    size?: 'small' | 'regular' | 'large'
    maxLength?: number
    autoFocus?: boolean
    testId?: string
    onChange?: (e: ChangeEvent<HTMLInputElement>) => void
    onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void
  }>
  export interface DropdownOption {
    value: string
    label: string
  }
  export const Dropdown: ComponentType<{
    id?: string
    label?: ReactNode
    options: DropdownOption[]
    value?: string
    size?: 'small' | 'regular' | 'large'
    variation?: 'default' | 'inline'
    testId?: string
    onChange?: (e: ChangeEvent<HTMLSelectElement>, value: string) => void
  }>
  export interface TableSchema<Row> {
    properties: Record<
      string,
      {
        title?: string
        width?: number
        minWidth?: number
        cellRenderer?: (args: { cellData: unknown; rowData: Row }) => ReactNode
      }
    >
  }
  // Generic so that the schema's cells, the items and the clicked row are one type.
  export function Table<Row>(props: {
    schema: TableSchema<Row>
    items: Row[]
    fullWidth?: boolean
    loading?: boolean
    density?: 'low' | 'medium' | 'high'
    emptyStateLabel?: string
    emptyStateChildren?: ReactNode
    onRowClick?: (args: { rowData: Row }) => void
  }): ReactElement | null
  export const NumericStepper: ComponentType<{
    value?: number
    minValue?: number
    maxValue?: number
    defaultValue?: number
    label?: string
    size?: 'small' | 'regular' | 'large'
    readOnly?: boolean
    block?: boolean
    lean?: boolean
    // The Styleguide passes the event with the validated number on it.
    onChange: (e: { value: number }) => void
  }>
  export const Progress: ComponentType<{
    type?: 'line' | 'steps'
    // type "line": 0 to 100.
    percent?: number
    steps?: Array<'completed' | 'inProgress' | 'toDo'>
    danger?: boolean
    slim?: boolean
  }>
}
