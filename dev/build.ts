/*
 * Builds the sandbox's programs into dist/sandbox/ as plain JavaScript, the way VTEX IO's node
 * builder compiles the service: running them through a TypeScript loader at request time
 * would make the local host measurably slower than the real thing.
 */
import path from 'path'

import { build } from 'esbuild'

import { appRoot } from './appRoot'

const ROOT = appRoot()

export const SANDBOX_PROGRAMS = {
  start: 'dev/start.ts',
  host: 'dev/host/cli.ts',
  simulator: 'dev/simulator/cli.ts',
  store: 'dev/store/cli.ts',
} as const

export type SandboxProgram = keyof typeof SANDBOX_PROGRAMS

export const programPath = (program: SandboxProgram) =>
  path.join(ROOT, 'dist', 'sandbox', `${program}.js`)

export async function buildSandbox(
  programs: SandboxProgram[] = Object.keys(SANDBOX_PROGRAMS) as SandboxProgram[]
) {
  await build({
    entryPoints: Object.fromEntries(
      programs.map((program) => [
        program,
        path.join(ROOT, SANDBOX_PROGRAMS[program]),
      ])
    ),
    outdir: path.join(ROOT, 'dist', 'sandbox'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Dependencies stay in node_modules, as on VTEX IO.
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  })
}

if (require.main === module) {
  const wanted = process.argv.slice(2) as SandboxProgram[]
  const unknown = wanted.filter((program) => !(program in SANDBOX_PROGRAMS))

  if (unknown.length > 0) {
    process.stderr.write(`unknown program(s): ${unknown.join(', ')}\n`)
    process.exit(2)
  }

  buildSandbox(wanted.length > 0 ? wanted : undefined).catch((error) => {
    process.stderr.write(
      `sandbox build failed: ${
        error instanceof Error ? error.message : String(error)
      }\n`
    )
    process.exit(1)
  })
}
