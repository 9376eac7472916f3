// Builds the admin page for the local host with esbuild: the same React code VTEX IO's
// react builder compiles, plus dev/admin/main.tsx standing in for the Admin around it.
import { promises as fs } from 'fs'
import path from 'path'

import { build } from 'esbuild'
import type { Metafile, Plugin } from 'esbuild'

import { appRoot } from '../appRoot'

const ROOT = appRoot()
const HERE = path.join(ROOT, 'dev/admin')
const ENTRY = path.join(HERE, 'main.tsx')

export const ASSET_PREFIX = '/admin-assets'
export const LOCALES = ['en', 'pt', 'es'] as const

export interface AdminBundle {
  js: string
  css: string
  metafile: Metafile
}

export interface BuildOptions {
  minify?: boolean
  outdir?: string
  // false: keep the result in memory only (the middleware serves it from there)
  write?: boolean
}

// @vtex/styleguide requires its .css files as CSS modules (it reads class names from
// them); tachyons and the date picker's stylesheet are global CSS.
const GLOBAL_CSS =
  /(\.global\.css$|[\\/]node_modules[\\/](vtex-tachyons|react-datepicker)[\\/])/

export const cssPlugin: Plugin = {
  name: 'styleguide-css',
  setup(b) {
    // `~package/file.css` (webpack's css-loader syntax) is `package/file.css`.
    b.onResolve({ filter: /^~/ }, async (args) => {
      const result = await b.resolve(args.path.slice(1), {
        kind: args.kind,
        resolveDir: args.resolveDir,
      })

      return result.errors.length
        ? { errors: result.errors }
        : { path: result.path }
    })
    b.onLoad({ filter: /\.css$/ }, async (args) => ({
      contents: await fs.readFile(args.path, 'utf8'),
      loader: GLOBAL_CSS.test(args.path) ? 'css' : 'local-css',
      resolveDir: path.dirname(args.path),
    }))
  },
}

// A .gql file becomes a graphql-tag document, as VTEX IO's react builder does.
export const graphqlPlugin: Plugin = {
  name: 'graphql-tag',
  setup(b) {
    b.onLoad({ filter: /\.(gql|graphql)$/ }, async (args) => ({
      contents: `import gql from 'graphql-tag'\nexport default gql(${JSON.stringify(
        await fs.readFile(args.path, 'utf8')
      )})`,
      loader: 'js',
      resolveDir: ROOT,
    }))
  },
}

export async function buildAdminBundle(
  opts: BuildOptions = {}
): Promise<AdminBundle> {
  const {
    minify = false,
    outdir = path.join(ROOT, 'dist/admin'),
    write = true,
  } = opts

  const result = await build({
    entryPoints: { admin: ENTRY },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome90', 'firefox90', 'safari14'],
    outdir,
    write: false,
    minify,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    alias: {
      'vtex.styleguide': '@vtex/styleguide',
      'vtex.render-runtime': path.join(HERE, 'renderRuntime.tsx'),
      // Optional Styleguide peer for charts, which the page never draws.
      recharts: path.join(HERE, 'stubs/recharts.js'),
    },
    loader: {
      '.svg': 'dataurl',
      '.png': 'dataurl',
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
    },
    plugins: [cssPlugin, graphqlPlugin],
  })

  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))

  if (!js || !css)
    throw new Error('admin bundle: esbuild produced no admin.js or admin.css')

  if (write) {
    await fs.mkdir(outdir, { recursive: true })
    await Promise.all(
      result.outputFiles.map((f) => fs.writeFile(f.path, f.contents))
    )
  }

  return { js: js.text, css: css.text, metafile: result.metafile }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The HTML shell of every admin route; the bundle picks the page from the URL. */
export function adminPageHtml(locale: string): string {
  const lang = (LOCALES as readonly string[]).includes(locale) ? locale : 'en'

  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pick and Pack · VTEX Admin (local)</title>
<link rel="stylesheet" href="${ASSET_PREFIX}/admin.css">
</head>
<body class="bg-muted-5">
<div id="root"></div>
<script src="${ASSET_PREFIX}/admin.js"></script>
</body>
</html>
`
}

// `npx tsx dev/admin/bundle.ts` writes dist/admin/admin.{js,css}.
if (require.main === module) {
  buildAdminBundle({ minify: process.argv.includes('--minify') })
    .then(({ js, css }) => {
      // eslint-disable-next-line no-console
      console.log(
        `dist/admin: admin.js ${Math.round(
          js.length / 1024
        )} KiB, admin.css ${Math.round(css.length / 1024)} KiB`
      )
    })
    .catch((error) => {
      console.error(error)
      process.exit(1)
    })
}
