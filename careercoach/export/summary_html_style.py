"""The style sheet embedded in the HTML summary: quiet on screen, tidy on paper."""

STYLE = """\
:root {
  --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --strong-rule: #8c959f;
  --accent: #1b4f72; --warn: #9a3b08; --warn-bg: #fdf0e6; --ok: #1a6b34; --ok-bg: #edf7ef;
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 60rem; padding: 2.5rem 2rem 3rem;
  font-family: "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Noto Sans", "DejaVu Sans",
    sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--ink); background: #ffffff;
}
header.report { border-bottom: 2px solid var(--accent); padding-bottom: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.6rem; color: var(--accent); }
h2 {
  font-size: 1.2rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--rule); color: var(--accent);
}
h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
h3 .category { font-weight: normal; color: var(--muted); }
p { margin: 0.4rem 0; }
dl.facts {
  display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1.25rem; margin: 0;
}
dl.facts dt { color: var(--muted); font-weight: 600; }
dl.facts dd { margin: 0; }
.note {
  margin-top: 0.8rem; padding: 0.4rem 0.75rem; font-size: 0.9rem;
  background: #f3f6f9; border-left: 3px solid var(--accent);
}
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td {
  text-align: left; vertical-align: top; padding: 0.35rem 0.6rem;
  border-bottom: 1px solid var(--rule);
}
thead th {
  border-bottom: 1.5px solid var(--strong-rule); color: var(--muted); font-weight: 600;
  font-size: 0.78rem; letter-spacing: 0.03em; text-transform: uppercase;
}
table.compact { width: auto; min-width: 18rem; }
td.date, td.nowrap { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
.sub { display: block; color: var(--muted); font-size: 0.85rem; }
.quote { display: block; margin-top: 0.2rem; font-style: italic; color: #3d444d; }
.muted, .empty { color: var(--muted); }
.text { white-space: pre-line; }
.badge {
  display: inline-block; padding: 0 0.5rem; border-radius: 0.7rem; font-size: 0.78rem;
  font-weight: 600; white-space: nowrap;
}
.badge.below { color: var(--warn); background: var(--warn-bg); border: 1px solid #efc3a2; }
.badge.ok { color: var(--ok); background: var(--ok-bg); border: 1px solid #b5dcbf; }
figure.radar { margin: 0.5rem 0 1rem; text-align: center; }
figure.radar svg { max-width: 100%; height: auto; font-family: inherit; }
figcaption { font-size: 0.85rem; color: var(--muted); }
.competency { margin-bottom: 1.25rem; }
ol.actions, ul.points, ul.quotes { padding-left: 1.4rem; }
ol.actions li, ul.points li, ul.quotes li { margin-bottom: 0.5rem; }
.action-title { font-weight: 600; margin: 0; }
ol.actions .text { margin: 0.1rem 0 0; }
section:not(.flow), .competency, figure, dl, tr, li {
  page-break-inside: avoid; break-inside: avoid;
}
h2, h3 { page-break-after: avoid; break-after: avoid; }
@media print {
  @page { margin: 16mm 15mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  th, td { padding: 0.3rem 0.45rem; }
  h2 { margin-top: 1.4rem; }
  thead { display: table-header-group; }
  .badge, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
