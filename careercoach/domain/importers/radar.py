"""Reads progression-radar YAML (categories of levelled KPIs, and roles) into a ladder."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from careercoach.domain.importers.common import (
    MAX_IMPORT_BYTES,
    ImportedLadder,
    LadderImportError,
    decode_text,
    expect_list,
    expect_table,
    file_stem,
    finish,
    load_yaml,
    slugify,
)
from careercoach.domain.importers.markdown_items import markdown_items
from careercoach.domain.ladder_checks import (
    MAX_ID_LENGTH,
    describe,
    join_location,
    short,
    suggestion,
)

FORMAT_NAME = "radar"
MAX_LEVEL = 50
"""The highest KPI or role level read; more levels than this is not a career ladder."""
_MAX_TEXT = 2 * MAX_IMPORT_BYTES
"""Characters read in total, YAML aliases expanded (a small file can repeat a big text)."""
_MAX_KPIS = 100_000

_CATEGORY_FIELDS = ("key", "name", "description", "kpis")
_KPI_FIELDS = ("summary", "description", "tags", "level")
_ROLE_FIELDS = ("key", "name", "levels")
_FILE_FIELDS = ("categories", "roles", "name", "description", "version")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass
class _Kpi:
    summary: str
    level: int
    examples: list[str]
    tags: list[str]


@dataclass
class _Category:
    key: str
    name: str
    description: str
    kpis: list[_Kpi]


@dataclass
class _Reader:
    """Reads the parsed YAML, collecting warnings and counting the text it reads."""

    warnings: list[str] = field(default_factory=list)
    text_read: int = 0
    kpi_count: int = 0

    def spend(self, text: str, where: str) -> None:
        self.text_read += len(text) + 1
        if self.text_read > _MAX_TEXT:
            raise LadderImportError(
                where, "the file repeats too much text (through YAML anchors) to be a ladder"
            )

    def unused(self, table: Mapping[Any, Any], allowed: tuple[str, ...], what: str) -> None:
        for key in table:
            if key not in allowed:
                name = key if isinstance(key, str) and len(key) <= 40 else short(key)
                self.warnings.append(f"field '{name}' of {what} is not used")

    def category(self, value: object, where: str) -> _Category:
        table = expect_table(value, where, "A category")
        self.unused(table, _CATEGORY_FIELDS, "a category")
        key = _text(table, "key", where, required=True)
        name = _text(table, "name", where).strip() or key.strip()
        description = _text(table, "description", where).strip()
        self.spend(key + name + description, where)
        kpis_where = join_location(where, "kpis")
        raw_kpis = expect_list(table.get("kpis") or [], kpis_where, "'kpis'")
        kpis = [self.kpi(item, f"{kpis_where}[{index}]") for index, item in enumerate(raw_kpis)]
        if not kpis:
            self.warnings.append(f"category '{key}' has no KPIs; its row is empty")
        return _Category(key, name, description, kpis)

    def kpi(self, value: object, where: str) -> _Kpi:
        table = expect_table(value, where, "A KPI")
        self.kpi_count += 1
        if self.kpi_count > _MAX_KPIS:
            raise LadderImportError(where, f"there are more than {_MAX_KPIS} KPIs")
        self.unused(table, _KPI_FIELDS, "a KPI")
        summary = _text(table, "summary", where, required=True).strip()
        description = _text(table, "description", where)
        self.spend(summary + description, where)
        examples, headings = markdown_items(description)
        for heading in headings:
            if "example" not in heading.lower():
                self.warnings.append(
                    f"the heading '{heading}' in {where}.description was left out; "
                    "the text under it was kept as examples"
                )
        level = _positive(table.get("level"), join_location(where, "level"), "the KPI level")
        return _Kpi(summary, level, examples, self.tags(table, where))

    def tags(self, table: Mapping[Any, Any], where: str) -> list[str]:
        raw = table.get("tags")
        tags_where = join_location(where, "tags")
        if raw is None:
            return []
        if isinstance(raw, str):
            raw = [raw]
        tags: list[str] = []
        for index, tag in enumerate(expect_list(raw, tags_where, "'tags'")):
            if not isinstance(tag, str):
                raise LadderImportError(
                    f"{tags_where}[{index}]",
                    f"a tag must be text, but this one is {describe(tag)}",
                )
            self.spend(tag, tags_where)
            if tag.strip():
                tags.append(tag.strip())
        return tags

    def roles(self, raw: list[Any], key_ids: Mapping[str, str], top: int) -> list[dict[str, Any]]:
        seen: dict[str, int] = {}
        roles: list[tuple[str, str, dict[str, str]]] = []
        for index, item in enumerate(raw):
            where = f"roles[{index}]"
            table = expect_table(item, where, "A role")
            self.unused(table, _ROLE_FIELDS, "a role")
            key = _text(table, "key", where, required=True)
            if key in seen:
                raise LadderImportError(
                    join_location(where, "key"),
                    f"the role key '{key}' is already used by role number {seen[key] + 1}",
                )
            seen[key] = index
            name = _text(table, "name", where).strip() or key.strip()
            self.spend(key + name, where)
            roles.append((key, name, self.role_levels(table, where, key_ids, top)))
        ids = _ids([key for key, _, _ in roles], "role")
        return [
            {"id": role_id, "name": name, "levels": levels}
            for role_id, (_, name, levels) in zip(ids, roles, strict=True)
        ]

    def role_levels(
        self, table: Mapping[Any, Any], where: str, key_ids: Mapping[str, str], top: int
    ) -> dict[str, str]:
        location = join_location(where, "levels")
        raw = table.get("levels")
        what = "'levels' (a table of category key: level)"
        levels: dict[str, str] = {}
        for key, value in expect_table(raw, location, what).items():
            cell = join_location(location, key)
            self.spend(str(key), cell)
            if not isinstance(key, str) or key not in key_ids:
                hint = suggestion(key, key_ids) if isinstance(key, str) else ""
                raise LadderImportError(
                    cell, f"there is no category {short(key)} in the categories file.{hint}"
                )
            number = _positive(value, cell, "the role level")
            if number > top:
                raise LadderImportError(
                    cell, f"the role level {number} is above the highest KPI level ({top})"
                )
            levels[key_ids[key]] = f"level-{number}"
        return levels


def read_radar(data: bytes, source_name: str, roles_data: bytes | None = None) -> ImportedLadder:
    """Read a progression-radar categories file, with its roles, as a ladder.

    ``data`` is either the categories list, or a table with ``categories`` and optional
    ``roles`` (and optional ``name``, ``description``, ``version``); ``roles_data`` is
    a separate roles file, which is used instead of any roles inside ``data``.

    Raises:
        LadderImportError: the file (or the roles file) cannot be imported.
    """
    document = load_yaml(decode_text(data))
    reader = _Reader()
    header: Mapping[Any, Any] = {}
    raw_roles: object = None
    if isinstance(document, list):
        if document and all(
            isinstance(item, Mapping) and "levels" in item and "kpis" not in item
            for item in document
        ):
            raise LadderImportError(
                "",
                "this is a progression-radar roles file; import the categories file and give "
                "this one as its roles file",
            )
        raw_categories: list[Any] = document
    elif isinstance(document, Mapping) and "categories" in document:
        header = document
        reader.unused(document, _FILE_FIELDS, "the file")
        raw_categories = expect_list(document["categories"], "categories", "'categories'")
        raw_roles = document.get("roles")
    else:
        raise LadderImportError(
            "",
            "this is not a progression-radar file: it must be a list of categories (each with "
            "a key, a name and KPIs) or a table with a 'categories' list",
        )
    if roles_data is not None:
        if raw_roles is not None:
            reader.warnings.append(
                "the roles inside the categories file were ignored; "
                "the separate roles file was used"
            )
        raw_roles = _roles_file(roles_data)
    categories = _categories(reader, raw_categories)
    used = {kpi.level for category in categories for kpi in category.kpis}
    top = max(used, default=0)
    if top == 0:
        raise LadderImportError("categories", "no category has a KPI, so there are no levels")
    if missing := [str(n) for n in range(1, top + 1) if n not in used]:
        reader.warnings.append(
            f"no KPI is at level {', '.join(missing)}; those levels are empty in every category"
        )
    keys = [category.key for category in categories]
    key_ids = dict(zip(keys, _ids(keys, "category"), strict=True))
    stem = file_stem(source_name)
    ladder: dict[str, Any] = {
        "format": 1,
        "id": slugify(stem, "progression-radar"),
        "name": _text(header, "name", "").strip() or _human_name(stem),
        "version": _version(header),
        "levels": [{"id": f"level-{n}", "title": f"Level {n}"} for n in range(1, top + 1)],
        "competencies": [
            _competency(category, key_ids[category.key], top) for category in categories
        ],
    }
    description = _text(header, "description", "").strip()
    if description:
        ladder["description"] = description
    if raw_roles is not None:
        roles = expect_list(raw_roles, "roles", "'roles'")
        if roles:
            ladder["targets"] = reader.roles(roles, key_ids, top)
    return finish(ladder, FORMAT_NAME, reader.warnings)


# ---------------------------------------------------------------- reading helpers


def _text(table: Mapping[Any, Any], key: str, where: str, *, required: bool = False) -> str:
    value = table.get(key)
    location = join_location(where, key)
    if value is None:
        if required:
            raise LadderImportError(location, f"the required field '{key}' is missing")
        return ""
    if not isinstance(value, str):
        hint = "" if isinstance(value, list | Mapping) else "; put it in quotes"
        raise LadderImportError(
            location, f"'{key}' must be text, but it is {describe(value)}{hint}"
        )
    if required and not value.strip():
        raise LadderImportError(location, f"'{key}' must not be empty")
    return value


def _positive(value: object, location: str, what: str) -> int:
    """A level number: a whole number from 1 to MAX_LEVEL."""
    if value is None:
        raise LadderImportError(location, f"{what} is missing; give a whole number from 1 up")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LadderImportError(
            location, f"{what} must be a whole number from 1 up, but it is {describe(value)}"
        )
    if value > MAX_LEVEL:
        raise LadderImportError(
            location, f"{what} is {value}; at most {MAX_LEVEL} levels are supported"
        )
    return value


def _version(header: Mapping[Any, Any]) -> str:
    value = header.get("version")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _text(header, "version", "").strip() or "1"


def _roles_file(data: bytes) -> object:
    try:
        document = load_yaml(decode_text(data))
    except LadderImportError as error:
        raise LadderImportError(error.location, f"in the roles file, {error.problem}") from None
    if isinstance(document, Mapping) and "roles" in document:
        return document["roles"]
    if isinstance(document, list):
        return document
    raise LadderImportError(
        "", "the roles file must be a list of roles (each with a key, a name and levels)"
    )


def _categories(reader: _Reader, raw: list[Any]) -> list[_Category]:
    if not raw:
        raise LadderImportError("categories", "there are no categories; a ladder needs one")
    categories: list[_Category] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        category = reader.category(item, f"categories[{index}]")
        if category.key in seen:
            raise LadderImportError(
                f"categories[{index}].key",
                f"the category key '{category.key}' is already used by category number "
                f"{seen[category.key] + 1}",
            )
        seen[category.key] = index
        categories.append(category)
    return categories


def _ids(keys: list[str], fallback: str) -> list[str]:
    """One id per key: the key itself when it is a valid id, else its slug; made distinct."""
    taken: set[str] = set()
    ids: list[str] = []
    for key in keys:
        fits = _ID.fullmatch(key) and len(key) <= MAX_ID_LENGTH
        base = key if fits else slugify(key, fallback)
        candidate, number = base, 2
        while candidate in taken:
            suffix = f"-{number}"
            candidate, number = base[: MAX_ID_LENGTH - len(suffix)] + suffix, number + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


# ---------------------------------------------------------------- mapping


def _competency(category: _Category, competency_id: str, top: int) -> dict[str, Any]:
    competency: dict[str, Any] = {"id": competency_id, "name": category.name}
    if category.description:
        competency["description"] = category.description
    by_level: dict[int, list[_Kpi]] = {}
    for kpi in category.kpis:
        by_level.setdefault(kpi.level, []).append(kpi)
    competency["expectations"] = {
        f"level-{n}": _cell(by_level.get(n, [])) for n in range(1, top + 1)
    }
    return competency


def _cell(kpis: list[_Kpi]) -> dict[str, Any]:
    """The expectation of the KPIs at one level: {} when there are none."""
    cell: dict[str, Any] = {}
    if kpis:
        cell["signals"] = [kpi.summary for kpi in kpis]
    examples = [example for kpi in kpis for example in kpi.examples]
    if examples:
        cell["examples"] = examples
    tags = dict.fromkeys(tag for kpi in kpis for tag in kpi.tags)
    if tags:
        cell["details"] = {"tags": ", ".join(tags)}
    return cell


def _human_name(stem: str) -> str:
    words = " ".join(re.sub(r"[_\-.]+", " ", stem).split())
    return f"Progression radar ({words})" if words else "Progression radar"
