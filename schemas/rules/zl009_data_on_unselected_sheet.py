"""ZL009 data-on-unselected-sheet: one rule as one unit — its documentation, message, source and check.

The check looks at the workbook's visible 区分 sheets other than the selected status's: each one holding data
is reported. The 高度専門職 status is left out (its 主たる活動内容 choice shows a 区分 sheet as well).
"""
from __future__ import annotations

from schemas.model import Violation
from schemas.sheet_layout import SheetLayout

from . import official_tool, rule

POINTS_SHEET = "申請情報入力(高度専門職ポイント表)"


def check(L: SheetLayout) -> list[Violation]:
    st = L.status
    if st is None or st.sheet == POINTS_SHEET:
        return []
    # the official workbook keeps the other 区分 sheets very hidden (the user cannot type there);
    # loading each of them would cost more than the whole check, so only visible ones are looked at
    return [Violation("ZL009", name, None, None, None, dict(sheet=name, status=st.label))
            for name in L.sheet_names
            if L.visible.get(name, True) and name.startswith("申請情報入力(区分") and name != st.sheet
            and L.has_data(name)]


WRONG_SHEET = rule(
    "ZL009", "data-on-unselected-sheet", "warning",
    on="file", by=__name__, check=check, params=('sheet', 'status'),
    summary=("選択されていない区分シートに入力があります", "Data on a 区分 sheet of another status"),
    message=("{sheet}に入力がありますが、選択中の在留資格（{status}）では使われません。",
             "{sheet} holds data, but the selected status ({status}) does not use it."),
    explain=("""
何を調べるか: 選択中の在留資格の区分シート以外（表示されているシート）に入力がないか。
なぜ問題か: ツールは選択中の区分シートしか出力しません。別の区分シートの入力は申請に含まれません。
直し方: 在留資格の選択を確認し、正しい区分シートに入力してください。
""", """
What it checks: no data sits on (visible) 区分 sheets other than the selected status's sheet.
Why: the tool exports only the selected sheet; data elsewhere is not part of the application.
Fix: check the chosen status and enter the data on its 区分 sheet.
"""),
    source=official_tool('ツールはメニューで選んだ在留資格の区分シートだけを出力します。',
                        'the tool exports only the 区分 sheet of the status chosen on the menu.'))
