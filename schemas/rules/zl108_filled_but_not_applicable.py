"""ZL108 filled-but-not-applicable: a field is filled that its row's selection hides.

Two sources: the cell table's `not_applicable` (a conditional field whose selection is not met, a 同時申請
block whose kind is not 有; build_cells), reported once per row and condition for all the fields that one
condition hides; and the columns the selected status itself hides (表示シート制御マスタ), which are not in
the cell table (the official tool does not check them) and are reported by `in_hidden_columns`.
The reason is data in both languages (Text), so a finding reads wholly in the language it is shown in.
"""
from __future__ import annotations

import numpy as np

from schemas.cell_table import CellReport, CellTable

from . import Text, cited, rule


def check(t: CellTable):
    return ~(t.filled & t.not_applicable)


def report(t: CellTable, positions) -> list[CellReport]:
    # one finding per row and condition: the fields one selection hides are one mistake
    groups: dict[tuple[int, str], list] = {}
    for i in positions:
        f = t.field_at(i)
        key = (t.row_at(i), f.cond_cols + "=" + f.cond_values if f.cond_cols else "block")
        groups.setdefault(key, []).append(f)
    return [_grouped(t, row, fs) for (row, _), fs in groups.items()]


def _grouped(t: CellTable, row: int, fs: list) -> CellReport:
    f0 = fs[0]
    if f0.cond_cols:
        cond_sheet = t.snap.common_sheet if "在" in f0.cond_cols else t.sheet
        cols = f0.cond_cols.replace("在", "")
        parent = cols.split(",")[0]
        shown = " / ".join(f0.cond_values.split("｜")[:2]) + (" …" if f0.cond_values.count("｜") > 1 else "")
        label = t.label(cond_sheet, parent)
        reason = Text(f"{label}（{parent}{row}）が「{shown}」のときだけ入力します",
                      f"only when {label} ({parent}{row}) is 「{shown}」")
    else:
        reason = Text("同時申請の種別（B〜D列）が「有 Yes」ではありません",
                      "the 同時申請 kind (B–D) of this block is not 「有 Yes」")
    if len(fs) > 1:
        last = fs[-1]
        reason += Text(f"。{fs[0].col}{row}〜{last.col}{row} の {len(fs)} 項目",
                       f"; {len(fs)} fields {fs[0].col}{row}–{last.col}{row}")
    return CellReport(t.sheet, row, f0.col, t.label(t.sheet, f0.col), {"label": f0.label, "reason": reason})


def in_hidden_columns(sheet: str, inp, cols: list[str], status, label) -> list[CellReport]:
    """Data in the columns the selected status hides (表示シート制御マスタ 非表示カラム) of one sheet's input.

    The menu's note: input items hidden by a selection cause an error when filled. The official tool does
    not check these columns for this status but still exports them, so the data would be filed unseen.
    `label(sheet, col)` gives a column's row-5 label."""
    name = status.label.split(" ")[0] if status is not None else ""
    reason = Text(f"在留資格「{name}」では使われない列です（メニューの選択で非表示になる列）",
                  f"not used for the status 「{name}」: the menu hides this column for it")
    out = []
    for col in cols:
        vals = inp.text.get(col)
        if vals is None:
            continue
        field_label = label(sheet, col)
        for i in np.flatnonzero(vals != ""):
            out.append(CellReport(sheet, int(inp.rows[i]), col, field_label, {"label": field_label, "reason": reason}))
    return out


NOT_APPLICABLE = rule(
    "ZL108", "filled-but-not-applicable", "error",
    on="cell-table", by=__name__, check=check, report=report, params=('label', 'reason'),
    summary=("該当しない項目に入力があります", "A field is filled that does not apply"),
    message=("{label}は入力できません（{reason}）。", "{label} must be blank ({reason})."),
    explain=("""
何を調べるか: 条件付きの項目が、条件を満たさない行で入力されていないか。
対象は「選択によって表示される項目」だけです: チェック親値が選択肢（例: 在留カードの有無＝有 のとき在留カード番号、
委託する のとき登録支援機関の情報、有 のとき「内容」欄）や、同時申請シートで種別が「有」でないブロック。
チェック親値が空の条件（例: 電話番号が空なら携帯電話番号が必須）は「どちらか必須」という意味なので、
両方入力しても指摘しません。
なぜ問題か: メニューの注意書き「選択によって非表示となる入力項目についても、入力された場合は、エラーとなる」
（template-reference §1-3）。オンラインシステムがその申請人を要確認にします。公式ツールはこれを検査しません。
直し方: 条件を確認し、不要な項目を消してください（条件側の選択が誤りなら、そちらを直してください）。
""", """
What it checks: a conditional field is not filled on a row that does not meet its condition.
Only fields shown by a selection count: the check value is a choice (card number when 在留カードの有無 = 有,
registered support organisation data when 委託する, a 内容 field when its flag is 有), and 同時申請 blocks
whose kind is not 有. A condition with an empty check value ("the mobile number is required when the
telephone number is blank") is an either-or, so filling both is fine and not reported.
Why: the menu note says fields hidden by a selection cause an error when filled (template-reference
§1-3); the online system marks the applicant 要確認. The official tool does not check this.
Fix: clear the field, or correct the selection it depends on.
"""),
    source=cited('公式テンプレートのメニューの注意書き「選択によって非表示となる入力項目についても、入力された場合は、エラーとなる」（template-reference §1-3）。',
                 'the official template\'s menu note: fields hidden by a selection cause an error when filled (template-reference §1-3).'))
