"""The ingest exception hierarchy: every failure names the file and, where known, the place in it."""
from __future__ import annotations

__all__ = ["IngestError", "SourceError", "SourceNotice", "RejectedDocument", "RunStopped", "WorkerDied"]


class IngestError(Exception):
    """Base class of ingest failures."""


class SourceError(IngestError):
    """The input cannot be read as a FRUS document: names the file, and the line and column when known."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None):
        self.path, self.message, self.line, self.column = str(path), message, line, column
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class SourceNotice(SourceError):
    """A document div that holds nothing to ingest (a microfiche placeholder: no heading, no text): reported where
    errors are, but not a failure; the volume reads on and can be marked complete."""


class RejectedDocument(IngestError):
    """A document graph failed the SHACL gate; `report` says which shape and why."""

    def __init__(self, document: str, report):
        self.document, self.report = document, report
        super().__init__(report.format(document))


class RunStopped(IngestError):
    """The corpus run cannot go on for a reason that is not the input's (a worker died, the store writer
    stopped): the whole run stops, and no file is reported as unreadable for it."""


class WorkerDied(RunStopped):
    """An ingest worker process ended without being asked to (killed, out of memory, a crash in native code);
    names the documents it was working on."""
