// The phone app never imports the console or Element Plus (its exam page has a size
// budget), and the console never imports the phone app's screens.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(__dirname, '../../src')
const CONSOLE = join(SRC, 'console')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!)
}

describe('bundle isolation', () => {
  it('no phone file imports Element Plus or the console', () => {
    const offenders = files(SRC)
      .filter((path) => !path.startsWith(CONSOLE))
      .flatMap((path) =>
        imports(path)
          .filter((spec) => /^(element-plus|@element-plus)/.test(spec) || /(^@\/console|\/console\/)/.test(spec))
          .map((spec) => `${relative(SRC, path)} → ${spec}`),
      )
    expect(offenders).toEqual([])
  })

  it('the console imports only the shared API client, stores and utilities from the phone side', () => {
    const allowed = /^@\/(api|stores|utils)\//
    const offenders = files(CONSOLE).flatMap((path) =>
      imports(path)
        .filter((spec) => spec.startsWith('@/') && !allowed.test(spec))
        .map((spec) => `${relative(SRC, path)} → ${spec}`),
    )
    expect(offenders).toEqual([])
  })
})
