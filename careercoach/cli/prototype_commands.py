"""``careercoach prototype …``: add hackathon prototypes, move them through stages, list them."""

from __future__ import annotations

import argparse

from careercoach.cli.evidence_json import one_line, prototype_json
from careercoach.cli.output import print_json, print_line
from careercoach.domain.errors import UserError
from careercoach.domain.prototype import Dataset, Prototype, Stage, StageChange
from careercoach.services.app_services import AppServices
from careercoach.services.clock import local_today

EXIT_OK = 0


def run_add(services: AppServices, args: argparse.Namespace) -> int:
    """Store a prototype whose history starts at ``--stage`` today, and print its id."""
    stage: Stage = args.stage or Stage.IDEA
    if args.shelved_reason is not None and stage is not Stage.SHELVED:
        raise UserError(
            "shelved-reason-without-shelved",
            f"--shelved-reason is only allowed with --stage shelved (the stage is {stage.value})",
        )
    _refuse_because_off_the_shelf(args.because, stage, "--stage shelved")
    prototype = Prototype(
        title=args.title,
        history=(StageChange(stage, local_today(), args.shelved_reason or "", args.because),),
        dataset=Dataset(name=args.dataset or ""),
        consulted_count=args.consulted or 0,
        hours=args.hours,
    )
    stored = services.prototypes.add(prototype)
    print_line(str(stored.id))
    return EXIT_OK


def run_stage(services: AppServices, args: argparse.Namespace) -> int:
    """Move a prototype to a new stage and print where it is now."""
    _refuse_because_off_the_shelf(args.because, args.stage, "the stage shelved")
    moved = services.prototypes.change_stage(
        args.prototype_id,
        args.stage,
        on=args.date,
        reason=args.reason or "",
        shelved_because=args.because,
    )
    print_line(f"prototype {moved.id}: {moved.stage.value} since {moved.stage_since.isoformat()}")
    return EXIT_OK


def run_list(services: AppServices, args: argparse.Namespace) -> int:
    """Print every prototype: one line each, or JSON with ``--json``."""
    prototypes = services.prototypes.prototypes()
    if args.json:
        print_json("prototypes", [prototype_json(prototype) for prototype in prototypes])
        return EXIT_OK
    if not prototypes:
        print_line("no prototypes yet (add one with: careercoach prototype add --title TEXT)")
        return EXIT_OK
    id_width = max(len(str(prototype.id)) for prototype in prototypes)
    stage_width = max(len(prototype.stage.value) for prototype in prototypes)
    for prototype in prototypes:
        print_line(
            f"{prototype.id!s:<{id_width}}  {prototype.stage.value:<{stage_width}}  "
            f"{prototype.stage_since.isoformat()}  {one_line(prototype.title)}"
        )
    return EXIT_OK


def _refuse_because_off_the_shelf(because: object, stage: Stage, needs: str) -> None:
    if because is not None and stage is not Stage.SHELVED:
        raise UserError(
            "because-without-shelved",
            f"--because is only allowed with {needs} (the stage is {stage.value})",
        )
