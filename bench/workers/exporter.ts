/**
 * Renders export models to PDF with the product's Exporter (Typst), or with Chromium's
 * page.pdf of the same Exporter's HTML export. A fresh worker's first render is the cold one.
 */
import { monoMs } from '../lib/clock'
import { exportModel } from '../lib/exportModel'
import { serveRpc } from '../lib/rpc'

export type Engine = 'typst' | 'chromium'

export interface RenderParams {
  engine: Engine
  sections: number
  variant: number
}

export interface RenderResult {
  ms: number
  pages: number
  bytes: number
}

export const CHROMIUM_PATH = '/usr/bin/chromium'
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

type Render = (params: RenderParams) => Promise<{ pdf: Uint8Array; pages: number }>

let typst: Render | null = null
let chromium: Render | null = null

async function loadTypst(): Promise<Render> {
  const { Exporter } = await import('../../server/export')
  // Created inside the timed render: a cold export pays for the compiler and its fonts.
  let exporter: InstanceType<typeof Exporter> | null = null
  return async ({ sections, variant }) => {
    exporter ??= new Exporter()
    const { body, pages } = await exporter.render(exportModel(sections, variant), 'pdf')
    return { pdf: body, pages: pages ?? 0 }
  }
}

async function loadChromium(): Promise<Render> {
  const { chromium: launcher } = await import('playwright-core')
  const { Exporter } = await import('../../server/export')
  const exporter = new Exporter()
  let page: import('playwright-core').Page | null = null
  return async ({ sections, variant }) => {
    if (!page) {
      const browser = await launcher.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
      page = await browser.newPage()
    }
    const html = await exporter.render(exportModel(sections, variant), 'html')
    await page.setContent(html.body.toString('utf8'), { waitUntil: 'load' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    return { pdf, pages: countPdfPages(pdf) }
  }
}

/** Loads the engine's modules, untimed: importing code is not rendering. */
async function prepare({ engine }: { engine: Engine }): Promise<null> {
  if (engine === 'typst') typst ??= await loadTypst()
  else chromium ??= await loadChromium()
  return null
}

async function render(params: RenderParams): Promise<RenderResult> {
  await prepare(params)
  const engine = params.engine === 'typst' ? typst! : chromium!
  const started = monoMs()
  const { pdf, pages } = await engine(params)
  return { ms: Math.round((monoMs() - started) * 10) / 10, pages, bytes: pdf.byteLength }
}

function countPdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  ).length
}

serveRpc({ prepare, render })
