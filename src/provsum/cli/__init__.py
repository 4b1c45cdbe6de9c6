"""The ``provsum`` command. Each sub-command lives in its own module in this package
and exposes ``register(subparsers)``; the modules hold parsing and printing only and
call the library API."""

from __future__ import annotations

import argparse
import importlib
import sys

from provsum import __version__

# one module per sub-command; add a name here when you add a module
COMMANDS = ["build", "score", "compare", "summarize", "train", "bench"]


class UserError(Exception):
    """An error caused by the user's input: printed as one clear message, no traceback."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provsum",
        description="ProvSum: Vietnamese provincial meeting report summarization — dataset, baselines, scorer.",
    )
    parser.add_argument("--version", action="version", version=f"provsum {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"provsum.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"provsum.cli.{name}":
                continue  # sub-command not written yet
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from provsum.errors import ProvSumError

    try:
        return int(args.func(args) or 0)
    except (ProvSumError, UserError) as exc:
        print(f"provsum {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"provsum {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
