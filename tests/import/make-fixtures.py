#!/usr/bin/python3
"""Writes the import fixtures: one school action plan, as schools keep them,
in four forms: action-plan.csv, action-plan.tsv, action-plan.xlsx (Excel)
and action-plan.docx (Word). The plan is made up for the tests.

Run once with Debian's python3-openpyxl and python3-docx installed
(/usr/bin/python3 tests/import/make-fixtures.py); the files are committed,
so the tests need neither.
"""
import csv
import datetime
import os

import docx
import openpyxl
from openpyxl.styles import Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = "EQUALITY OBJECTIVES: 2017 \u2013 2021"
HEADER = ["Link to Public Sector Equality Duty", "Protected characteristic", "Aim", "Objective",
          "Target group(s)", "Action", "Who\u2019s responsible?", "Dates", "Milestone/progress"]
ROWS = [
    ["Eliminate unlawful discrimination, harassment and victimisation",
     "Sexual Orientation/Race/Gender identity", "To reduce prejudice-based bullying",
     "Reduce homophobic, racist and transphobic incidents", "All pupils",
     "<p>Train all staff to record incidents</p><p>Review the anti-bullying policy with the school council</p>",
     "Deputy head", "Sept 2017 \u2013 July 2018", "Green"],
    # A wrapped cell: the objective cell is empty, the row continues the one above.
    ["", "", "", "", "", "Add a pupil survey each summer term", "", "", "Survey added in 2018"],
    ["Advance equality of opportunity", "Disability", "Improve access",
     "Make the school site accessible to wheelchair users", "Pupils and visitors with mobility needs",
     "\u2022 Install a ramp at the main entrance\n\u2022 Widen the door to the hall", "Business manager",
     "On-going", "Amber \u2013 quote for the ramp received"],
    ["All aims of duty", "All protected characteristics", "Inclusive curriculum",
     "Review the curriculum so that every pupil sees themselves in it", "All pupils",
     "1. Audit the reading books\n2. Plan a year of assemblies", "Headteacher", "31/07/2028", "Red"],
    ["Foster good relations", "Other", "Links with the community",
     "Build links with local faith and community groups", "Families",
     "Invite the groups to the summer fair", "PTA chair", "2023/24", "Not started"],
    ["Foster good relations", "community cohesion", "Community cohesion",
     "Celebrate the languages our families speak", "EAL pupils",
     "Hold a languages day each spring with art &amp; music", "EAL lead", "Sept 2024 - July 2025", "Complete"],
    ["Advance equality of opportunity", "Disability/SEN", "Attainment",
     "Close the reading gap for pupils with SEND", "Pupils with SEND",
     "Daily reading with a trained adult", "SENCo", "2025/26", "In progress"],
]


def write_delimited(name, delimiter):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        w.writerow([TITLE] + [""] * (len(HEADER) - 1))
        w.writerow([""] * len(HEADER))
        w.writerow(HEADER)
        for row in ROWS:
            w.writerow(row)


def write_xlsx():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Action plan"
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    # The date typed as a date, as Excel keeps it: a day number shown dd/mm/yyyy.
    dates = HEADER.index("Dates") + 1
    for r in range(4, 4 + len(ROWS)):
        if ws.cell(row=r, column=dates).value == "31/07/2028":
            ws.cell(row=r, column=dates).value = datetime.date(2028, 7, 31)
            ws.cell(row=r, column=dates).number_format = "dd/mm/yyyy"
    # The last two rows share their link to the duty in one merged cell.
    first = 4 + len(ROWS) - 3
    ws.merge_cells(start_row=first, start_column=1, end_row=first + 1, end_column=1)
    wb.create_sheet("Notes").append(["Reviewed by governors each summer"])
    wb.save(os.path.join(HERE, "action-plan.xlsx"))


def write_docx():
    d = docx.Document()
    d.add_heading(TITLE, level=1)
    d.add_paragraph("Our school's equality objectives and the actions we are taking.")
    # A small layout table first, as documents often have: not the plan.
    layout = d.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "School"
    layout.cell(0, 1).text = "Brookmead Primary"
    t = d.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for c, h in enumerate(HEADER):
        t.cell(0, c).text = h
    for r, row in enumerate(ROWS, start=1):
        for c, value in enumerate(row):
            cell = t.cell(r, c)
            cell.text = ""
            p = cell.paragraphs[0]
            lines = value.replace("<p>", "").split("</p>") if value.startswith("<p>") else value.split("\n")
            lines = [l for l in lines if l]
            for i, line in enumerate(lines):
                if i > 0:
                    p = cell.add_paragraph()
                if line.startswith("\u2022 "):
                    p.style = d.styles["List Bullet"]
                    line = line[2:]
                p.add_run(line.replace("&amp;", "&"))
    # The same merged cell as in the workbook.
    first = 1 + len(ROWS) - 3
    merged = t.cell(first, 0).merge(t.cell(first + 1, 0))
    merged.text = "Foster good relations"
    d.save(os.path.join(HERE, "action-plan.docx"))


write_delimited("action-plan.csv", ",")
write_delimited("action-plan.tsv", "\t")
write_xlsx()
write_docx()


def write_huge_reference():
    """A tiny workbook whose two cells are a whole sheet apart (A1 and
    XFD1048576): read as a grid it would be 17 billion cells."""
    import zipfile
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Objective</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far away</t></is></c></row>'
             '</sheetData></worksheet>')
    workbook = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    with zipfile.ZipFile(os.path.join(HERE, "huge-reference.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


write_huge_reference()
