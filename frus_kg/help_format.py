"""`--help` names each argument as click does and docs/cli.md writes it (`VOLUME...`, `[DOCUMENTS]...`), not as typer
0.2x does (`{volumes}...` in the usage line, `volumes... <list[Path]>` in the list of arguments): a reader types
volumes, not a Python type. Options are left as typer writes them."""
from __future__ import annotations

from typing import Any

import click
import typer
from typer.core import TyperArgument, TyperCommand

__all__ = ["Typer", "Command"]


def _shown(param: click.Parameter, usage: bool = True) -> str:
    name = param.metavar or (param.name or "").upper()
    name = name if param.required or not usage else f"[{name}]"
    return name + ("..." if param.nargs != 1 else "")


class Command(TyperCommand):
    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            pieces += [_shown(param)] if isinstance(param, TyperArgument) else param.get_usage_pieces(ctx)
        return pieces

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(param, TyperArgument):
                arguments.append((_shown(param, usage=False), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class Typer(typer.Typer):
    """typer.Typer whose commands are `Command`s."""

    def command(self, *args: Any, cls: type[TyperCommand] | None = None, **kwargs: Any):
        return super().command(*args, cls=cls or Command, **kwargs)
