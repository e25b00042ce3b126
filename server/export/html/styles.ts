/**
 * The stylesheet inlined into an HTML export. The file is downloaded and opened on its own
 * (not served under the app's CSP), so it carries its own <style>; the print rules number
 * pages "Page N of M", and `pageMarkingCss` repeats the handling marking on every page.
 */
export const EXPORT_CSS = `
:root { --ink: #1b1f24; --accent: #1f3a5f; --muted: #5d6672; --rule: #c9cfd6; --alert: #a4161a; }
* { box-sizing: border-box; }
html { background: #f3f4f6; }
body { margin: 0; color: var(--ink); font: 16px/1.6 "Libertinus Serif", "Noto Serif", Georgia, "DejaVu Serif", serif; }
main { max-width: 46rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
.sans, h1, h2, h3, h4, h5, h6, .kicker, .facts, figcaption, .badge, .marking, .notice { font-family: "Inter", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.marking { text-align: center; color: var(--alert); font-weight: 700; letter-spacing: .12em; font-size: .75rem; margin: .5rem 0 1.5rem; }
.marking.bottom { margin: 2rem 0 0; }
.kicker { color: var(--accent); font-size: .72rem; font-weight: 700; letter-spacing: .14em; text-transform: uppercase; margin: 0; }
h1.title { font-size: 2rem; line-height: 1.15; margin: .4rem 0 1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; font-size: .85rem; margin: 0 0 1.25rem; }
.facts dt { color: var(--muted); font-weight: 700; font-size: .7rem; letter-spacing: .08em; text-transform: uppercase; padding-top: .15rem; }
.facts dd { margin: 0; }
hr.title-rule { border: 0; border-top: 2px solid var(--accent); margin: 0 0 1.5rem; }
.notice { border: 1px solid var(--alert); background: #fbeaea; color: var(--alert); padding: .6rem .8rem; border-radius: 3px; font-size: .85rem; margin: 0 0 1.5rem; }
h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2rem 0 .6rem; break-after: avoid; }
h2, h3 { color: var(--accent); }
h2 { font-size: 1.35rem; } h3 { font-size: 1.15rem; } h4, h5, h6 { font-size: 1rem; }
/* Ragged right: a browser justifies without the PDF's line breaking, and leaves rivers of gaps. */
p { margin: 0 0 .9rem; text-align: start; hyphens: auto; }
a { color: var(--accent); }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
/* A wide table scrolls inside its box rather than widening the page. */
.table { overflow-x: auto; margin: 1rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: .95em; break-inside: auto; }
th, td { border: 1px solid var(--rule); padding: .35rem .55rem; vertical-align: top; text-align: left; }
th { background: #f1f3f5; font-weight: 600; }
th > p, td > p { margin: 0; text-align: left; hyphens: manual; }
th > p + p, td > p + p { margin-top: .4rem; }
mark { background: #fff0a8; color: inherit; padding: 0 .1em; }
pre { background: #f6f6f6; padding: .8rem; border-radius: 3px; overflow-x: auto; white-space: pre-wrap; }
blockquote.plain { margin: 1rem 0; padding-left: 1rem; border-left: 1px solid var(--rule); }
figure.quote { margin: 1.5rem 0; padding: .2rem 0 .2rem 1.1rem; border-left: 3px solid var(--accent); break-inside: avoid; }
figure.quote.unverified { border-left-color: var(--alert); }
figure.quote blockquote { margin: 0; font-size: 1.08rem; }
figure.quote figcaption { color: var(--muted); font-size: .82rem; margin-top: .4rem; }
.badge { display: inline-block; background: var(--alert); color: #fff; font-size: .68rem; font-weight: 700; letter-spacing: .08em; padding: .1rem .35rem; border-radius: 2px; margin-right: .4rem; }
.problem { color: var(--alert); font-family: "Inter", Arial, "DejaVu Sans", sans-serif; font-size: .8rem; margin: 0 0 .4rem; }
sup.note-ref { font-size: .7em; line-height: 0; }
sup.note-ref a { text-decoration: none; }
section.notes, section.sources { margin-top: 2.5rem; }
section.notes ol, section.sources ol { padding-left: 1.8rem; font-size: .9rem; }
section.notes li, section.sources li { margin-bottom: .5rem; }
footer.colophon { color: var(--muted); font-size: .75rem; border-top: 1px solid var(--rule); margin-top: 2.5rem; padding-top: .6rem; }
li > p { margin: 0 0 .3rem; }
ul, ol { margin: 0 0 .9rem; }
@page { size: A4; margin: 2.5cm 2.2cm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; color: #5d6672; } }
@media print {
  html { background: #fff; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .marking { display: none; }
  a { color: inherit; }
}
`

/**
 * Print rules that put `marking` at the top and bottom of every page (CSS page-margin
 * boxes). The marking is user text inside a CSS string, so every character that is not a
 * plain letter, digit or space is written as a CSS hex escape: nothing can end the string.
 */
export function pageMarkingCss(marking: string): string {
  const escaped = [...marking]
    .map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `))
    .join('')
  const box = `content: "${escaped}"; font: bold 8pt sans-serif; letter-spacing: .12em; color: #a4161a;`
  return `@page { @top-center { ${box} } @bottom-center { ${box} } }`
}
