"""zairyu-lint's Excel add-in: check the open workbook and highlight the findings in place (xlwings)."""
from .painting import ERROR_FILL, RESULT_SHEET, WARNING_FILL, Summary, highlight

__all__ = ["highlight", "Summary", "RESULT_SHEET", "ERROR_FILL", "WARNING_FILL"]
