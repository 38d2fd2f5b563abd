/**
 * The site's one stylesheet, served as /assets/site.css (so the CSP can forbid inline styles).
 * CJK first: system Chinese fonts, a 1.9 line height, two-character paragraph indents and
 * inter-character justification for Chinese text; a single column that reads well on a phone.
 */
export const SITE_CSS = `
:root {
  --ink: #1f2328; --muted: #656d76; --faint: #8c959f; --line: #e4e7eb; --bg: #f5f6f8; --card: #fff;
  --brand: #a61b1b; --brand-dark: #7f1212; --link: #174ea6; --note: #fbf8ef; --note-line: #e6d9b5;
  --ins: #dafbe1; --ins-ink: #116329; --del: #ffebe9; --del-ink: #a40e26;
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.7 var(--sans); }
a { color: var(--link); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
.wrap { max-width: 880px; margin: 0 auto; padding: 0 20px; }

.site-header { background: var(--brand); color: #fff; }
.site-header > .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 20px; padding-top: 12px; padding-bottom: 12px; }
.brand { color: #fff; font-size: 20px; font-weight: 700; letter-spacing: .02em; margin-right: auto; }
.brand:hover { text-decoration: none; opacity: .9; }
.search-form { display: flex; flex: 0 1 340px; min-width: 0; }
.search-form input { flex: 1; min-width: 0; border: 0; border-radius: 4px 0 0 4px; padding: 7px 10px; font: inherit; font-size: 15px; }
.search-form button { border: 0; border-radius: 0 4px 4px 0; padding: 7px 14px; background: var(--brand-dark); color: #fff; font: inherit; font-size: 15px; cursor: pointer; }
.cats { background: #fff; border-bottom: 1px solid var(--line); }
/* One line on every screen: the categories scroll sideways on a phone, never wrap. */
.cats .wrap { display: flex; flex-wrap: nowrap; gap: 4px 18px; overflow-x: auto; overscroll-behavior-x: contain; white-space: nowrap; padding-top: 8px; padding-bottom: 8px; scrollbar-width: none; }
.cats a { color: var(--ink); font-size: 15px; flex: none; }
.cats a[aria-current="page"] { color: var(--brand); font-weight: 700; }

main.wrap { padding-top: 18px; padding-bottom: 40px; }
/* Long URLs, hashes and unbroken strings break anywhere rather than widen the page (phones). */
main, .site-footer { overflow-wrap: anywhere; min-width: 0; }
.page-head h1, .list .title, .crumb li, .hint, .versions td { overflow-wrap: anywhere; min-width: 0; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 24px 28px; margin-bottom: 18px; }
.crumb { font-size: 14px; color: var(--muted); margin: 0 0 14px; }
.crumb ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.crumb li + li::before { content: "›"; margin-right: 4px; color: var(--faint); }

h1 { font-size: 28px; line-height: 1.4; margin: 0 0 12px; }
.article h1 { text-align: center; }
.meta { color: var(--muted); font-size: 14px; margin: 0 0 20px; padding-bottom: 14px; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 2px 18px; }
.article .meta { justify-content: center; }
.body { font-size: 17.5px; line-height: 1.9; overflow-wrap: anywhere; }
.body p { margin: 0 0 1.1em; }
.body:lang(zh) p, .body:lang(ja) p { text-indent: 2em; text-align: justify; text-justify: inter-character; }
.body h2, .body h3, .body h4 { font-size: 19px; margin: 1.4em 0 .6em; }
.body figure { margin: 1.2em 0; text-align: center; }
.body figcaption, .body .caption { font-size: 14.5px; color: var(--muted); text-indent: 0; text-align: center; margin-top: .4em; }
.body .image-placeholder { padding: 14px 16px; border: 1px dashed #c4c9d0; border-radius: 4px; background: var(--bg); }
.body .image-placeholder p { margin: 0; text-indent: 0; text-align: center; }
.image-mark { display: inline-block; font-size: 13px; line-height: 1.6; color: var(--muted); background: var(--card); border: 1px solid var(--line); border-radius: 3px; padding: 0 6px; }
.body .archived-image img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.body .archived-image .image-source { font-size: 13px; color: var(--faint); margin: .3em 0 0; text-indent: 0; text-align: center; overflow-wrap: anywhere; }
.body .image-placeholder .image-source { font-size: 13px; color: var(--faint); margin-top: .3em; overflow-wrap: anywhere; }
.body blockquote { margin: 1em 0; padding: .2em 1em; border-left: 3px solid var(--line); color: #3d444d; }
.body pre { white-space: pre-wrap; background: var(--bg); padding: 12px; border-radius: 4px; font-size: 14px; }
.body ul, .body ol { padding-left: 1.6em; }
.table-wrap { overflow-x: auto; }
.body table { border-collapse: collapse; font-size: 15px; margin: 1em 0; }
.body th, .body td { border: 1px solid var(--line); padding: 4px 8px; }
.byline { text-align: right; color: var(--muted); font-size: 15px; margin: 1.2em 0 0; }
.byline span + span { margin-left: 1.2em; }
.tags { font-size: 14px; color: var(--muted); margin: .6em 0 0; }

.provenance { background: var(--note); border: 1px solid var(--note-line); border-left: 4px solid #c9a227; border-radius: 6px; padding: 16px 20px; margin: 26px 0 0; font-size: 14.5px; line-height: 1.8; color: #3d3a30; }
.provenance h2 { font-size: 15px; margin: 0 0 6px; }
.provenance p { margin: 0 0 .5em; }
.provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: .6em 0; }
.provenance dt { color: #6b654f; }
.provenance dd { margin: 0; overflow-wrap: anywhere; }
.provenance .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: .8em 0 .4em; }
.cite { font-size: 13.5px; color: #5c5643; background: rgba(255,255,255,.6); border-radius: 4px; padding: 6px 10px; margin: .6em 0 .2em; overflow-wrap: anywhere; }
.takedown-note { color: #6b654f; font-size: 13.5px; margin-top: .6em; }

.section-title { font-size: 18px; margin: 0 0 10px; padding-left: 10px; border-left: 4px solid var(--brand); line-height: 1.3; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { padding: 12px 0; border-bottom: 1px solid var(--line); }
.list li:last-child { border-bottom: 0; }
.list .title { font-size: 17px; font-weight: 600; line-height: 1.5; display: block; }
.list .excerpt { margin: 4px 0 2px; color: var(--muted); font-size: 14.5px; line-height: 1.7; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.list .when { color: var(--faint); font-size: 13px; display: flex; flex-wrap: wrap; gap: 0 12px; }
.list .when a { color: var(--faint); }
.list.compact li { padding: 8px 0; }
.list.compact .title { font-size: 15.5px; font-weight: 500; }
mark { background: #fff1a8; color: inherit; padding: 0 1px; border-radius: 2px; }

.page-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 6px 12px; margin: 0 0 6px; }
.page-head h1 { font-size: 22px; margin: 0; }
.count { color: var(--muted); font-size: 14px; }
.pager { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-top: 16px; font-size: 15px; }
.pager .disabled { color: var(--faint); }
.hint, .empty { color: var(--muted); }

.versions { width: 100%; border-collapse: collapse; font-size: 14.5px; }
.versions th, .versions td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
.versions .hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; color: var(--muted); }
.compare-form { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 14px 0; }
.compare-form select, .compare-form button { font: inherit; font-size: 14.5px; padding: 4px 8px; }
.diff-legend { font-size: 14px; color: var(--muted); display: flex; gap: 14px; margin: 10px 0; }
.diff p { margin: 0 0 .9em; line-height: 1.85; }
.diff .same { color: var(--muted); }
.diff p.added { background: var(--ins); }
.diff p.removed { background: var(--del); }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: none; border-radius: 2px; }
del { background: var(--del); color: var(--del-ink); border-radius: 2px; }
.diff h3 { font-size: 15px; color: var(--muted); margin: 1.2em 0 .4em; }

.raw-tabs { display: flex; gap: 16px; margin: 8px 0 12px; font-size: 15px; }
.raw-tabs [aria-current="page"] { font-weight: 700; color: var(--ink); }
.raw-frame { width: 100%; height: 75vh; min-height: 420px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.source { white-space: pre-wrap; overflow-wrap: anywhere; font: 12.5px/1.6 ui-monospace, Menlo, Consolas, monospace; background: #fbfbfc; border: 1px solid var(--line); border-radius: 4px; padding: 12px; max-height: 75vh; overflow: auto; }

.notice { text-align: center; padding: 40px 20px; }
.notice h1 { font-size: 24px; }
.site-footer { color: var(--faint); font-size: 13px; text-align: center; padding: 24px 0 32px; }

@media (max-width: 640px) {
  .wrap { padding: 0 12px; }
  .panel { padding: 16px 14px; border-radius: 0; border-left: 0; border-right: 0; margin-left: -12px; margin-right: -12px; }
  h1 { font-size: 23px; }
  .body { font-size: 17px; line-height: 1.85; }
  .brand { font-size: 18px; }
  .search-form { flex-basis: 100%; }
  .provenance { padding: 12px 14px; }
  .provenance dl { grid-template-columns: 1fr; }
  .provenance dt { margin-top: 4px; }
}
`;
