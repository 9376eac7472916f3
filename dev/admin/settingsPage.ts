// The sandbox's answer at the Admin's app settings page, where the admin page's "settings"
// links go: on VTEX IO the Admin's form for the app's settings; here the settings come from
// the environment, so the page says which variable sets each one. Names only: never a value.
import { readFileSync } from 'fs'
import path from 'path'

import { appRoot } from '../appRoot'
import { SETTING_VARIABLES } from '../host/config'
import { own } from '../../react/utils/own'
import { HOME_PATH } from '../../react/utils/orderRoutes'
import { escapeHtml } from './bundle'

/** `/admin/apps/{vendor.name@major.x}/setup`, for any app id (the vendor may differ). */
export const SETTINGS_PAGE = /^\/admin\/apps\/[^/]+\/setup\/?$/

interface Manifest {
  title?: string
  settingsSchema?: { properties?: Record<string, { title?: string }> }
}

export function settingsPageHtml(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(appRoot(), 'manifest.json'), 'utf8')
  ) as Manifest

  const properties = manifest.settingsSchema?.properties ?? {}
  const rows = Object.entries(properties)
    .map(([key, { title }]) => {
      const variable = own(SETTING_VARIABLES, key)

      return `<tr><td>${escapeHtml(
        title ?? key
      )} <code class="key">${escapeHtml(key)}</code></td><td>${
        variable
          ? `<code>${escapeHtml(variable)}</code>`
          : 'not settable in the sandbox'
      }</td></tr>`
    })
    .join('\n')

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>App settings · local sandbox</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #3f3f40; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #e3e4e6; vertical-align: top; }
code { background: #f2f4f5; padding: 0 .25rem; border-radius: 3px; }
code.key { color: #585959; font-size: .875rem; }
a { color: #134cd8; }
</style>
</head>
<body>
<p><a href="${HOME_PATH}">← Back to ${escapeHtml(
    manifest.title ?? 'the app'
  )}</a></p>
<h1>App settings in the local sandbox</h1>
<p>On VTEX IO this link opens the app's settings in the Admin (<strong>Apps › My apps › ${escapeHtml(
    manifest.title ?? 'the app'
  )} › Settings</strong>). The sandbox has no such form: each setting comes from an environment
variable of <code>npm start</code> or <code>npm run start:service</code>. Set the variable and
start the sandbox again.</p>
<table>
<thead><tr><th scope="col">Setting</th><th scope="col">Variable</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><code>npm start</code> sets <code>PNP_API_KEY</code> and <code>PNP_HOSTNAME</code> to the
simulator's when they are unset, and generates <code>PNP_WEBHOOK_SECRET</code> for the run
(it prints it). The other variables of the sandbox (ports, upstream URLs, the store) are in
the README.</p>
</body>
</html>
`
}
