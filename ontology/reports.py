"""What a validation says: the violations found, in pySHACL's terms, whichever engine found them.

Both engines (validation.py's pySHACL adapter and fast_shacl.py) build these, and ingest reads them,
so they live apart from either engine: no engine imports the other to name its result.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Violation", "ValidationReport"]


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    shape: str
    path: str
    message: str
    value: str = ""
    component: str = ""

    def format(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.focus}: {self.shape}{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    violations: list[Violation] = field(default_factory=list)
    engine: str = "pyshacl"

    @property
    def conforms(self) -> bool:
        return not self.violations

    def format(self, subject: str = "") -> str:
        head = f"{subject}: " if subject else ""
        if self.conforms:
            return f"{head}conforms to the frus-kg shapes"
        lines = [f"{head}{len(self.violations)} SHACL violation(s)"]
        lines += [f"  - {v.format()}" for v in sorted(self.violations)]
        return "\n".join(lines)
