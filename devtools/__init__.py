"""Developer tools, not part of the installed product (pyproject installs only linter, schemas, xl_addin):
the sample generator (samplegen), the bare-workbook writer (bare), the openpyxl-backed xlwings test engine
(openpyxl_engine), the LibreOffice preview (preview), and the false-positive sweep (sweep*)."""
