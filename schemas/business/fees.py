"""Fee estimate: revenue stamps per applicant and in total, online price with the counter price beside it.

The amounts live in fee_tables.json, one table per revision with the date it took effect; the table
in force on the filing date (options.on) is used, so the next revision is a data change.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from .frame import Frame

TABLE_FILE = Path(__file__).with_name("fee_tables.json")


@lru_cache(maxsize=None)
def tables() -> list[dict]:
    data = json.loads(TABLE_FILE.read_text(encoding="utf-8"))
    return sorted(data["tables"], key=lambda t: t["from"], reverse=True)


def table_for(on: dt.date) -> dict | None:
    for t in tables():
        if dt.date.fromisoformat(t["from"]) <= on:
            return t
    return None


def estimate(F: Frame) -> dict | None:
    table = table_for(F.model.options.on)
    if table is None:
        return None
    fees = table["fees"]
    per, total_on, total_ctr = [], 0, 0
    for i, row in enumerate(F.rows):
        items = [F.snap.procedure]
        if F.v("sim_reentry", i) == F.snap.yes:
            items.append("reentry_multiple" if "数次" in F.v("reentry_kind", i) else "reentry_single")
        if F.v("sim_extra", i) == F.snap.yes:
            items.append("extra_activity")
        if F.v("sim_cert", i) == F.snap.yes:
            items.append("work_certificate")
        online = sum(fees.get(k, {}).get("online", 0) for k in items)
        counter = sum(fees.get(k, {}).get("counter", 0) for k in items)
        per.append({"row": row, "items": items, "online": online, "counter": counter})
        total_on += online
        total_ctr += counter
    return {"online": total_on, "counter": total_ctr, "per_applicant": per, "table": table["from"]}
