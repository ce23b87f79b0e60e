"""Import bargaining units and agreements from CSV files, such as FMCS F-7 notices.

``mapping`` says which column holds which field (and maps F-7 notices), ``rows`` reads one row
into a unit and an agreement or refuses it with a reason, ``report`` tells what an import did,
and ``importer`` reads a file and saves its good rows in batches.
"""

from bargaining.adapters.csv_import.importer import CsvImporter
from bargaining.adapters.csv_import.mapping import (
    F7_MAPPING,
    ColumnMapping,
    Row,
    f7_unit_name,
    split_union_and_local,
)
from bargaining.adapters.csv_import.report import (
    ImportReport,
    RejectedRow,
    RejectedRows,
    RowWarning,
    RowWarnings,
)

__all__ = [
    "F7_MAPPING",
    "ColumnMapping",
    "CsvImporter",
    "ImportReport",
    "RejectedRow",
    "RejectedRows",
    "Row",
    "RowWarning",
    "RowWarnings",
    "f7_unit_name",
    "split_union_and_local",
]
