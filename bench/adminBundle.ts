import path from 'path'
import { gzipSync } from 'zlib'

import { build } from 'esbuild'

import { cssPlugin, graphqlPlugin } from '../dev/admin/bundle'

const ROOT = path.resolve(__dirname, '..')
/** What VTEX IO serves to every admin page: not part of this app's bundle. */
const PLATFORM = [
  'react',
  'react-dom',
  'vtex.styleguide',
  '@vtex/styleguide',
  'vtex.render-runtime',
]

export interface AdminBundleResult {
  entries: string[]
  external: string[]
  minifiedBytes: number
  gzipBytes: number
  gzipKB: number
  targetKB: number
  largestInputs: Array<{ input: string; bytes: number }>
  pass: boolean
}

/**
 * The admin page's own JavaScript (its two route components and everything they import),
 * minified and gzipped, with React, react-dom and the Styleguide left to VTEX IO.
 */
export async function benchAdminBundle(): Promise<AdminBundleResult> {
  const entries = ['react/PickAndPackHome.tsx', 'react/PickAndPackOrder.tsx']
  const result = await build({
    entryPoints: entries.map((entry) => path.join(ROOT, entry)),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome90'],
    outdir: path.join(ROOT, 'dist/bench-admin'),
    write: false,
    minify: true,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: PLATFORM,
    plugins: [cssPlugin, graphqlPlugin],
  })

  const js = result.outputFiles.filter((file) => file.path.endsWith('.js'))
  const minifiedBytes = js.reduce((sum, file) => sum + file.contents.length, 0)
  const gzipBytes = js.reduce(
    (sum, file) => sum + gzipSync(file.contents, { level: 9 }).length,
    0
  )

  const inputs = new Map<string, number>()

  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = input.includes('node_modules/')
        ? (input.split('node_modules/').pop() ?? input)
            .split('/')
            .slice(0, input.includes('node_modules/@') ? 2 : 1)
            .join('/')
        : 'app code'

      inputs.set(name, (inputs.get(name) ?? 0) + bytesInOutput)
    }
  }

  const gzipKB = Math.round((gzipBytes / 1024) * 10) / 10

  return {
    entries,
    external: PLATFORM,
    minifiedBytes,
    gzipBytes,
    gzipKB,
    targetKB: 80,
    largestInputs: [...inputs]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([input, bytes]) => ({ input, bytes })),
    pass: gzipKB <= 80,
  }
}
