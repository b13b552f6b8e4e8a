"""The review page's HTML, rendered on the server: the queue, one figure, a document's accepted figures, the
decided figures and orphaned decisions. Plain forms (they work without JavaScript); a few lines of script add the
keys (a accept, r reject, c correct, n next, p previous) and remember the reviewer's name."""

from __future__ import annotations

import json
from html import escape
from typing import Any, Iterable
from urllib.parse import quote as url_quote

from extractor.record import LABEL_FIELDS

from .actions import CHOICES
from .queue import GROUPS, Figure

FIELDS = (*LABEL_FIELDS, "value", "unit", "qualifier")

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d232a;background:#f5f6f8}
header{background:#1f3a5f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;font-weight:600}header a.here{text-decoration:underline}
header .who{margin-left:auto;font-size:.9rem}header input{width:9rem}
main{max-width:1100px;margin:1rem auto;padding:0 1.2rem}
h1{font-size:1.3rem;margin:.4rem 0 .8rem}h2{font-size:1.05rem;margin:1.2rem 0 .4rem}
.card{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:.8rem 1rem;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{padding:.3rem .5rem;border-bottom:1px solid #e6e8eb;
text-align:left;vertical-align:top}th{background:#eef1f4;font-weight:600;font-size:.85rem}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.nowrap{white-space:nowrap}
table.readings th:first-child{width:8rem}
tr.this td{background:#fff4d6;font-weight:600}
.sentence{font-size:1.1rem;line-height:1.7;background:#fbfbf7;border-left:4px solid #e0b13a;padding:.6rem .9rem}
.context{white-space:pre-wrap;font-size:.9rem;color:#444;max-height:16rem;overflow:auto;background:#fafafa;
padding:.5rem .8rem;border:1px solid #eee}
.q{background:#fff0b3}.n{background:#ffb347;font-weight:700;border-bottom:2px solid #c25e00}
.reason{color:#8a4b00;font-weight:600}.muted{color:#6b7480;font-size:.85rem}
.flash{background:#e3f4e6;border:1px solid #9fd3a9;padding:.5rem .8rem;border-radius:6px;margin-bottom:1rem}
.error{background:#fde8e8;border:1px solid #f0a3a3;padding:.5rem .8rem;border-radius:6px;margin-bottom:1rem}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;margin:.6rem 0}
button{font:inherit;padding:.35rem .9rem;border-radius:6px;border:1px solid #888;background:#fff;cursor:pointer}
button.accept{background:#2e7d32;color:#fff;border-color:#2e7d32}button.reject{background:#c62828;color:#fff;
border-color:#c62828}button.correct{background:#1565c0;color:#fff;border-color:#1565c0}button.use{white-space:nowrap;font-size:.85rem}
kbd{border:1px solid #aaa;border-bottom-width:2px;border-radius:3px;padding:0 .3rem;font-size:.8rem;background:#fff;
color:#333}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem .9rem}
.grid label{display:flex;flex-direction:column;font-size:.8rem;color:#555}.grid input,.grid select{font:inherit;
padding:.2rem .3rem}.changed{outline:2px solid #1565c0;background:#e8f0fe}
.tabs a{margin-right:.8rem}.tabs a.here{font-weight:700;text-decoration:none;color:#1d232a}
.status-accepted{color:#2e7d32;font-weight:600}.status-rejected{color:#c62828;font-weight:600}
.status-needs_review{color:#8a4b00;font-weight:600}
"""

SCRIPT = """
const who=document.getElementById('who');
if(who){who.value=localStorage.getItem('reviewer')||who.value;
who.addEventListener('change',()=>localStorage.setItem('reviewer',who.value));}
document.querySelectorAll('form').forEach(f=>f.addEventListener('submit',()=>{
 const h=f.querySelector('input[name=who]'); if(h&&who) h.value=who.value;}));
document.querySelectorAll('.grid [name^=set_]').forEach(el=>el.addEventListener('input',()=>
 el.classList.toggle('changed', el.value!==el.dataset.was)));
document.querySelectorAll('button.use').forEach(b=>b.addEventListener('click',()=>{
 for(const [k,v] of Object.entries(JSON.parse(b.dataset.fill))){const el=document.getElementById('set_'+k);
  if(el){el.value=v; el.dispatchEvent(new Event('input'));}}
 document.getElementById('correct-form').scrollIntoView();}));
document.addEventListener('keydown',e=>{
 if(e.ctrlKey||e.metaKey||e.altKey||['INPUT','SELECT','TEXTAREA'].includes(e.target.tagName)) return;
 const click=id=>{const b=document.getElementById(id); if(b){e.preventDefault(); b.click();}};
 if(e.key==='a') click('accept'); else if(e.key==='r') click('reject'); else if(e.key==='n') click('next');
 else if(e.key==='p') click('prev');
 else if(e.key==='c'){const f=document.querySelector('.grid [name^=set_]'); if(f){e.preventDefault(); f.focus();}}
});
"""


def layout(title: str, body: str, here: str = "", message: str | None = None, error: str | None = None) -> str:
    links = [("/", "Queue"), ("/documents", "Documents"), ("/decided", "Decided"), ("/orphans", "Orphaned")]
    nav = "".join(f'<a href="{href}" class="{"here" if here == href else ""}">{name}</a>' for href, name in links)
    notes = (f'<div class="flash" role="status">{escape(message)}</div>' if message else "") + \
        (f'<div class="error" role="alert">{escape(error)}</div>' if error else "")
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)} · extractor review</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{STYLE}</style></head><body>"
            f"<header><span>extractor review</span>{nav}<label class=who>Reviewing as <input id=who "
            f"placeholder='your name'></label></header><main>{notes}{body}</main><script>{SCRIPT}</script>"
            "</body></html>")


def value_text(value: Any) -> str:
    """A value as the forms show and take it: 5800, 1.05, 45..50, up."""
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{value_text(value[0])}..{value_text(value[1])}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def shown(value: Any) -> str:
    """A value as people read it: thousands separated (750,000), ranges with a dash."""
    if isinstance(value, list):
        return f"{shown(value[0])}–{shown(value[1])}"
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return value_text(value)


def with_unit(value: Any, unit: str | None) -> str:
    """A value and its unit as people write them: 98%, 5,800 mt."""
    return shown(value) + ("" if not unit else unit if unit == "%" else f" {unit}")


def _label(row: dict[str, Any]) -> str:
    parts = [row.get("metric"), row.get("segment"), "metal" if row.get("content") else None, row.get("measure"),
             row.get("basis") if row.get("basis") != "actual" else None]
    return " · ".join(str(p) for p in parts if p)


def _figure_rows(items: Iterable[dict[str, Any]], by: str, extra: str = "") -> str:
    out = ["<table><tr><th>figure</th><th>commodity</th><th>label</th><th>period</th><th class=num>value</th>"
           f"<th>quote</th><th>{'status' if extra else 'reason'}</th>{'<th></th>' if extra else ''}</tr>"]
    for row in items:
        href = f"/figure/{row['key']}?by={by}"
        status = f"<span class='status-{row['status']}'>{row['status']}</span>"
        if row.get("decision_id"):
            status += f"<br><span class=muted>{escape(str(row['reason'] or '').removeprefix('review: '))}</span>"
        out.append(f"<tr><td><a href='{href}'><code>{row['key']}</code></a></td><td>{escape(row['commodity'])}</td>"
                   f"<td>{escape(_label(row))}</td><td class=nowrap>{escape(row['period'] or '—')}</td>"
                   f"<td class=num>{escape(with_unit(row['value'], row['unit']))}</td>"
                   f"<td>{escape(row['quote'])}</td><td>{status if extra else escape(row['reason'] or '')}</td>"
                   + (f"<td>{extra.format(key=row['key'])}</td>" if extra else "") + "</tr>")
    return "".join(out) + "</table>"


def queue_page(groups: list[tuple[str, list[dict[str, Any]]]], by: str, orphans: int, message: str | None) -> str:
    total = sum(len(g) for _, g in groups)
    tabs = "".join(f'<a href="/?by={g}" class="{"here" if g == by else ""}">by {g}</a>' for g in GROUPS)
    first = groups[0][1][0]["key"] if groups else None
    start = f' <a id=next href="/figure/{first}?by={by}">start with the first <kbd>n</kbd></a>' if first else ""
    body = [f"<h1>Review queue: {total} figure(s) waiting</h1><p class=tabs>{tabs}{start}</p>"]
    if orphans:
        body.append(f"<p class=error><a href='/orphans'>{orphans} decision(s)</a> match no stored figure any more.</p>")
    if not groups:
        body.append("<div class=card>Nothing waiting: every flagged figure has a decision.</div>")
    for name, items in groups:
        body.append(f"<h2>{escape(name)} <span class=muted>({len(items)})</span></h2>{_figure_rows(items, by)}")
    return layout("Queue", "".join(body), "/", message)


def _highlight(text: str, base: int, marks: list[tuple[int, int, str]]) -> str:
    """Text (starting at offset base of the document) with each mark's span wrapped in a span of its class."""
    classes: list[list[str]] = [[] for _ in text]
    for start, end, name in marks:
        for i in range(max(start - base, 0), min(end - base, len(text))):
            classes[i].append(name)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and classes[j] == classes[i]:
            j += 1
        piece = escape(text[i:j])
        out.append(f"<span class='{' '.join(classes[i])}'>{piece}</span>" if classes[i] else piece)
        i = j
    return "".join(out)


def _readings(figure: Figure) -> str:
    """The extractor's reading, what stands now (after a decision) and the rules' and the LLM's opinions side by side;
    a row is marked where the readings that give the field differ, and an opinion can fill the correction form."""
    columns = [("extractor read", figure.extracted)] + ([("stands now", figure.row)] if figure.row.get("extracted") else [])
    opinions = [(f"{name}' reading" if name == "rules" else "LLM's reading", figure.opinions[name])
                for name in ("rules", "llm") if isinstance(figure.opinions.get(name), dict)]
    columns += opinions
    head = "".join(f"<th>{escape(name)}</th>" for name, _ in columns)
    rows = [_reading_row(field, [reading for _, reading in columns]) for field in (*FIELDS, "status", "reason")]
    if opinions:
        rows.append(_use_buttons(len(columns) - len(opinions), [reading for _, reading in opinions]))
    notes = [f"{k}: {v}" for k, v in figure.opinions.items() if not isinstance(v, dict)]
    if not figure.opinions:
        notes.append("no LLM was asked about this figure: the reading is the rules' alone")
    extra = f"<p class=muted>{escape('; '.join(notes))}</p>" if notes else ""
    return f"<table class=readings><tr><th>field</th>{head}</tr>{''.join(rows)}</table>{extra}"


def _reading_row(field: str, readings: list[dict[str, Any]]) -> str:
    """One field across the readings: empty where a reading does not give it, marked where those giving it differ."""
    given = [(reading, field in reading) for reading in readings]
    differs = len({json.dumps(r.get(field)) for r, has in given if has}) > 1
    return f"<tr class='{'this' if differs else ''}'><th>{field}</th>" + "".join(
        _reading_cell(r[field]) if has else "<td></td>" for r, has in given) + "</tr>"


def _reading_cell(value: Any) -> str:
    return f"<td>{escape(value_text(value))}</td>" if value is not None else "<td><span class=muted>—</span></td>"


def _use_buttons(skipped: int, opinions: list[dict[str, Any]]) -> str:
    """The row under the opinions: a button for each that fills the correction form with its reading."""
    uses = "".join("<td></td>" for _ in range(skipped))
    for reading in opinions:
        fill = escape(json.dumps({k: value_text(v) for k, v in reading.items() if k in FIELDS}), True)
        uses += f"<td><button type=button class=use data-fill='{fill}'>use this reading</button></td>"
    return f"<tr><th></th>{uses}</tr>"


def _neighbours(figure: Figure) -> str:
    if not figure.neighbours:
        return "<p class=muted>No period: the series cannot be placed until the period is set.</p>"
    rows = "".join(f"<tr class='{'this' if n['this'] else ''}'><td>{escape(n['period'])}</td><td class=num>"
                   f"{escape(shown(n['value']))}</td><td>{escape(n['unit'] or '')}</td><td>{escape(n['document'])}"
                   f"</td></tr>" for n in figure.neighbours)
    return f"<table><tr><th>period</th><th class=num>value</th><th>unit</th><th>report</th></tr>{rows}</table>"


def _field_input(field: str, current: Any, report_month: str | None) -> str:
    shown = value_text(current)
    choices = CHOICES.get(field)
    common = f"name='set_{field}' data-was='{escape(shown, True)}' id='set_{field}'"
    if choices and field not in ("commodity", "unit"):
        options = ([""] if field in ("content", "qualifier") else []) + list(choices)
        if shown not in options:
            options.insert(0, shown)
        opts = "".join(f"<option{' selected' if o == shown else ''}>{escape(o)}</option>" for o in options)
        return f"<label>{field}<select {common}>{opts}</select></label>"
    listed = f" list='list_{field}'" if choices else ""
    hint = {"period": f"YYYY-MM (report: {report_month})" if report_month else "YYYY-MM", "value": "5800, 1.05, 45..50, up", "segment": "empty for none"}.get(field, "")
    return f"<label>{field}<input {common} value='{escape(shown, True)}' placeholder='{hint}'{listed}></label>"


def _decision_text(decision: dict[str, Any]) -> str:
    done = {"accept": "accepted", "reject": "rejected", "correct": "corrected", "undo": "withdrew the decisions"}
    text = done.get(decision["action"], decision["action"])
    if decision["changes"]:
        text += " " + ", ".join(f"{k} → {value_text(v) or 'none'}" for k, v in json.loads(decision["changes"]).items())
    return escape(text) + (f": <i>{escape(decision['why'])}</i>" if decision["why"] else "")


def figure_page(figure: Figure, by: str, prev_key: str | None, next_key: str | None, message: str | None,
                error: str | None, return_to: str = "") -> str:
    row = figure.row
    marks = [(int(row["quote_start"]), int(row["quote_end"]), "q"), (int(row["number_start"]), int(row["number_end"]), "n")]
    status = f"<span class='status-{row['status']}'>{row['status']}</span>"
    hidden = (f"<input type=hidden name=who><input type=hidden name=seen value='{figure.latest_decision}'>"
              f"<input type=hidden name=by value='{escape(by, True)}'>"
              f"<input type=hidden name=return_to value='{escape(return_to, True)}'>")
    action = f"/figure/{row['key']}/decide"
    nav = (f"<a id=prev href='/figure/{prev_key}?by={by}'>← previous <kbd>p</kbd></a> " if prev_key else "") + \
        (f"<a id=next href='/figure/{next_key}?by={by}'>next <kbd>n</kbd> →</a>" if next_key else
         f"<a id=next href='/?by={by}'>back to the queue <kbd>n</kbd></a>")
    datalists = "".join(f"<datalist id='list_{f}'>" + "".join(f"<option value='{escape(o, True)}'>" for o in
                        CHOICES[f] or ()) + "</datalist>" for f in ("commodity", "unit"))
    inputs = "".join(_field_input(f, row.get(f), row.get("report_month")) for f in FIELDS)
    decisions = "".join(f"<li>{escape(d['at'][:16].replace('T', ' '))} UTC · <b>{escape(d['who'])}</b> "
                        f"{_decision_text(d)}</li>" for d in figure.decisions)
    standing = f"<p class=flash>{escape(row['reason'])}</p>" if row.get("decision_id") else ""
    body = f"""
<p class=muted><a href="/?by={by}">queue</a> · <a href="/document/{row['document_id']}">{escape(row['document'])}</a>
 (report month {escape(row['report_month'] or 'unknown')}) · figure <code>{row['key']}</code> · {nav}</p>
<h1>{escape(row['commodity'])}: {escape(_label(row))}, {escape(row['period'] or 'no period')} =
 {escape(with_unit(row['value'], row['unit']))} ({status})</h1>
<div class=card><p class=sentence>{_highlight(figure.sentence, figure.sentence_start, marks)}</p>
<p class=reason>{escape(figure.extracted.get('reason') or 'accepted by the extractor')}</p>{standing}
<details><summary>more of the source</summary><div class=context>{_highlight(figure.context, figure.context_start, marks)}
</div></details></div>
<div class=card><div class=actions>
<form method=post action="{action}">{hidden}<input type=hidden name=action value=accept>
<button id=accept class=accept>{'Confirm' if row['status'] == 'accepted' else 'Accept'} <kbd>a</kbd></button></form>
<form method=post action="{action}">{hidden}<input type=hidden name=action value=reject>
<input name=why placeholder="why reject (optional)" size=28> <button id=reject class=reject>Reject <kbd>r</kbd></button>
</form>{'<form method=post action="' + action + '">' + hidden +
        '<input type=hidden name=action value=undo><button id=undo>Undo decisions</button></form>'
        if figure.decisions else ''}</div>
<form method=post action="{action}" id=correct-form>{hidden}<input type=hidden name=action value=correct>
<h2>Correct <kbd>c</kbd> <span class=muted>change the fields that are wrong; the corrected figure is accepted</span></h2>
<div class=grid>{inputs}</div>{datalists}
<div class=actions><input name=why placeholder="why (optional)" size=40>
<button id=correct class=correct>Save correction</button></div></form></div>
<h2>Readings</h2>{_readings(figure)}
<h2>Neighbouring months of this series</h2>{_neighbours(figure)}
<h2>Decisions</h2>{f'<ul>{decisions}</ul>' if decisions else '<p class=muted>None yet.</p>'}
"""
    return layout(f"{row['commodity']} {row['key']}", body, "", message, error)


def documents_page(documents: list[dict[str, Any]]) -> str:
    rows = "".join(f"<tr><td><a href='/document/{d['id']}'>{escape(d['name'])}</a></td><td>"
                   f"{escape(d['report_month'] or '')}</td><td class=num>{d['waiting'] or 0}</td><td class=num>"
                   f"{d['accepted'] or 0}</td><td class=num>{d['decided'] or 0}</td></tr>" for d in documents)
    return layout("Documents", "<h1>Documents</h1><table><tr><th>document</th><th>report month</th><th class=num>"
                  f"waiting</th><th class=num>accepted</th><th class=num>decided</th></tr>{rows}</table>",
                  "/documents")


def reject_button(return_to: str) -> str:
    return (f"<form method=post action='/figure/{{key}}/decide'><input type=hidden name=action value=reject>"
            f"<input type=hidden name=who><input type=hidden name=return_to value='{escape(return_to, True)}'>"
            "<button class=reject>Reject</button></form>")


def document_page(document: dict[str, Any], figures: list[dict[str, Any]], message: str | None) -> str:
    here = f"/document/{document['id']}"
    body = (f"<h1>{escape(document['name'])}: {len(figures)} accepted figure(s)</h1><p class=muted>Report month "
            f"{escape(document['report_month'] or 'unknown')}. A wrong one can be rejected here or opened to be "
            f"corrected.</p>{_figure_rows(figures, 'document', reject_button(here))}")
    return layout(document["name"], body, "/documents", message)


def decided_page(figures: list[dict[str, Any]], message: str | None) -> str:
    undo = ("<form method=post action='/figure/{key}/decide'><input type=hidden name=action value=undo>"
            "<input type=hidden name=who><input type=hidden name=return_to value='/decided'><button>Undo</button></form>")
    rows = _figure_rows(figures, "document", undo) if figures else "<p class=muted>No decisions yet.</p>"
    return layout("Decided", f"<h1>Decided figures ({len(figures)})</h1>{rows}", "/decided", message)


def orphans_page(orphans: list[dict[str, Any]]) -> str:
    rows = "".join(f"<tr><td><code>{escape(o['key'])}</code></td><td>{escape(o['document'] or '')}</td><td>"
                   f"{escape(o['commodity'])} {escape(o['metric'])} {escape(o['period'] or '')} {escape(o['measure'])}"
                   f"</td><td>{escape(o['quote'] or '')}</td><td>{escape(o['decided'])} by {escape(o['who'])}</td>"
                   f"<td>{escape(o['orphaned_because'])}</td></tr>" for o in orphans)
    body = ("<h1>Orphaned decisions</h1><p class=muted>Decisions no stored figure matches any more since a re-run. "
            "They are kept; decide the figure again where it now stands.</p>" +
            (f"<table><tr><th>id</th><th>document</th><th>figure</th><th>quote</th><th>decision</th><th>why orphaned"
             f"</th></tr>{rows}</table>" if orphans else "<div class=card>None.</div>"))
    return layout("Orphaned", body, "/orphans")


def url(path: str, **params: str | None) -> str:
    query = "&".join(f"{k}={url_quote(v)}" for k, v in params.items() if v)
    return f"{path}?{query}" if query else path
