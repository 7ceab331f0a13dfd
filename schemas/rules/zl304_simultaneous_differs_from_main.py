"""ZL304 simultaneous-differs-from-main: one rule as one unit — its documentation, message, source and check.

The check runs on the applicant frame: each common item of 同時申請 against the same item of the main
sheet, for the applicants with a 同時申請 (contradictions.sim_active).
"""
from __future__ import annotations

from . import cited, rule

_TR = "template-reference"


SIM_PAIRS = [("sim_nationality", "nationality"), ("sim_birth", "birth"), ("sim_name", "name"), ("sim_sex", "sex"),
             ("sim_zip", "zip"), ("sim_pref", "pref"), ("sim_muni", "muni"), ("sim_street", "street"),
             ("sim_passport_no", "passport_no"), ("sim_passport_exp", "passport_exp"),
             ("sim_cur_status", "cur_status"), ("sim_cur_period", "cur_period"), ("sim_expiry", "expiry"),
             ("sim_card_has", "card_has"), ("sim_card_no", "card_no"),
             ("sim_ed_alpha", "ed_alpha"), ("sim_ed_num", "ed_num")]


def check(F) -> list:
    from schemas.business import BCheck
    from schemas.business.contradictions import sim_active
    out = []
    # 同時申請 common items = main sheet
    for sim_key, main_key in SIM_PAIRS:
        if not F.has(main_key):
            continue
        out.append(BCheck("ZL304", sim_key,
                          lambda F, a=sim_key, b=main_key: ~sim_active(F) | ~F.present(a) | (F.a(a) == F.a(b)),
                          lambda F, i, b=main_key: {"other": f"{F.locs[b].sheet}!{F.where(b, i)}（{F.label(b)}）",
                                                    "other_value": F.v(b, i)}))
    return out


SIMULTANEOUS_DIFFERS_FROM_MAIN = rule(
    "ZL304", "simultaneous-differs-from-main", "error",
    on="applicant-frame", by=__name__, params=('label', 'value', 'other', 'other_value'), check=check,
    summary=("同時申請の共通項目が申請情報と違います", "同時申請 common item differs from the main sheet"),
    message=("{label}「{value}」が {other}「{other_value}」と違います。同時申請の共通項目は本申請と同じにしてください。",
             "{label} 「{value}」 differs from {other} 「{other_value}」; the 同時申請 common items must equal the main application."),
    explain=(f"""
何を調べるか: 同時申請シートで再入国・資格外活動・就労資格証明書のいずれかが「有」の行について、共通項目
（国籍・地域、生年月日、氏名、性別、住居地、旅券番号・有効期限、現に有する在留資格、在留期間、満了日、在留カードの有無・番号、ED番号）
が本申請シートの同じ行と一致するか。
なぜ問題か: 同時申請は同一人の申請で、テンプレートの確認項目が「共通項目については同時申請で入力した内容と同じである」と
しています（{_TR} §7, §9a-10）。
例: 本申請の氏名「NGUYEN VAN AN」、同時申請の氏名「NGUYEN VAN AM」。
直し方: 本申請シートの値に合わせてください。
""", f"""
What it checks: on 同時申請 rows with any of 再入国 / 資格外活動 / 就労資格証明書 = 有, the common items equal the
main sheet's on the same row.
Why: it is the same person; the template's confirmation item states the common items are the same ({_TR} §7, §9a-10).
Example: main name 「NGUYEN VAN AN」, 同時申請 name 「NGUYEN VAN AM」.
Fix: copy the main sheet's value.
"""),
    source=cited("テンプレートの確認項目「氏名や性別等の共通項目については同時申請で入力した内容と同じである」（template-reference §7, §9a-10）。",
                  "the template's confirmation item: the common items (name, sex, ...) are the same as entered for 同時申請 (template-reference §7, §9a-10)."))
