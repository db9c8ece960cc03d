"""The one error type for bad data: it names the file, the record and the field."""

from __future__ import annotations


class DataError(ValueError):
    """A data file broke a rule. Nothing from the load is kept."""

    def __init__(self, file: str, record: str | None, field: str | None, message: str):
        self.file = file
        self.record = record
        self.field = field
        self.message = message
        where = file
        if record is not None:
            where += f", record {record}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")
