"""The composition root: parse arguments, resolve paths, then start the GUI or run a command."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from collections.abc import Mapping

from careercoach.cli.parser import UsageError, parse_arguments
from careercoach.domain.errors import UserError
from careercoach.logging_setup import configure_file_logging
from careercoach.paths import AppPaths, resolve_database_url, resolve_paths

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

_log = logging.getLogger("careercoach")


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Entry point of ``careercoach``; returns the process exit status."""
    environment = os.environ if environ is None else environ
    os.umask(0o077)  # everything the app creates is readable by the user only
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else argv)
    except UsageError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_BAD_INPUT
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else EXIT_OK
    if args.smoke_test:
        return _run_smoke_test(args, environment)
    if args.data_dir is not None and not args.data_dir.strip():
        sys.stderr.write("careercoach: --data-dir needs a folder, not an empty value\n")
        return EXIT_BAD_INPUT
    paths = resolve_paths(args.data_dir, environment)
    try:
        paths.ensure_directories()
        if args.command is not None:  # the GUI sets its log up after its first paint
            configure_file_logging(paths.log_file)
    except OSError as error:
        sys.stderr.write(f"careercoach: cannot use the data folder {paths.data_dir}: {error}\n")
        return EXIT_BAD_INPUT
    database_url = resolve_database_url(args.database_url, environment, paths)
    if args.command is None:
        problem = _display_problem(environment)
        if problem:
            sys.stderr.write(f"careercoach: {problem}\n")
            return EXIT_BAD_INPUT
        from careercoach.ui.application import run_gui  # Qt is loaded only for the GUI

        return run_gui(paths, database_url)
    return _run_cli(args, paths, database_url)


def _run_smoke_test(args: argparse.Namespace, environment: Mapping[str, str]) -> int:
    """``--smoke-test``: the whole app on a temporary data folder; the user's is not touched."""
    if args.command is not None or args.data_dir is not None or args.database_url is not None:
        sys.stderr.write("careercoach: --smoke-test runs on its own; give it no other options\n")
        return EXIT_BAD_INPUT
    problem = _display_problem(environment)
    if problem:
        sys.stderr.write(f"careercoach: {problem}\n")
        return EXIT_BAD_INPUT
    from careercoach.ui.smoke_test import run_smoke_test

    return run_smoke_test()


def _display_problem(environment: Mapping[str, str]) -> str | None:
    """Why the GUI cannot open a window here, or None (Qt itself would abort instead)."""
    if not sys.platform.startswith("linux") or environment.get("QT_QPA_PLATFORM"):
        return None
    if environment.get("DISPLAY") or environment.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
        "start CareerCoach from a desktop session, or use its commands (see --help)"
    )


def _run_cli(args: argparse.Namespace, paths: AppPaths, database_url: str) -> int:
    from careercoach.cli.main import run_command  # the database layer, only when needed

    # Output that the terminal cannot encode is escaped rather than failing after the work.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return run_command(args, paths, database_url)
    except UserError as error:
        sys.stderr.write(f"careercoach: {error.message}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("careercoach: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``log list | head``): stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:
        # The command line may hold a database password: log the command, not the arguments.
        command = " ".join(
            str(part)
            for part in (
                args.command,
                *(v for k, v in vars(args).items() if k.endswith("_command")),
            )
            if part
        )
        _log.exception("unexpected failure running '%s'", command)
        sys.stderr.write(f"careercoach: unexpected error; the details are in {paths.log_file}\n")
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
