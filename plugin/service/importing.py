"""`escalator import <platform>`: a helpdesk's SLA policies and business-hour schedules (read and translated by its
adapter, `HelpdeskAdapter.import_sla`) as the configuration's `schedules` and `sla` sections: written out on their
own with what could not be translated as comments, or merged into a configuration file and checked the way
`escalator check-config` checks it.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from plugin.config import ConfigError, EscalatorConfig, load_config, read_yaml
from plugin.ports import HelpdeskAdapter, SlaImport


def fetch(adapter: HelpdeskAdapter) -> SlaImport:
    """The platform's policies and schedules, translated (HelpdeskError when the platform refuses)."""
    return adapter.import_sla()


def sections(imported: SlaImport) -> dict[str, Any]:
    return {"schedules": dict(imported.schedules), "sla": dict(imported.sla)}


def section_yaml(imported: SlaImport) -> str:
    """The imported sections as YAML, headed by what could not be translated as it is."""
    head = [f"# Imported from {imported.platform} by `escalator import {imported.platform}`."]
    if imported.untranslated:
        head.append("# Not translated as it is:")
        head += [f"#   - {note}" for note in imported.untranslated]
    return "\n".join(head) + "\n" + yaml.safe_dump(sections(imported), sort_keys=False, allow_unicode=True)


def merged(data: Mapping[str, Any], imported: SlaImport) -> dict[str, Any]:
    """A configuration's settings with the imported sections in: the imported schedules added (replacing those of
    the same name), the imported SLA keys replacing the file's (its other SLA settings kept), the groups' schedules
    of the platform replaced."""
    out = dict(data)
    schedules = data.get("schedules")
    out["schedules"] = {**(schedules if isinstance(schedules, Mapping) else {}), **imported.schedules}
    sla = dict(data.get("sla") or {}) if isinstance(data.get("sla"), Mapping) else {}
    groups = dict(sla.get("group_schedules") or {})
    for key, value in imported.sla.items():
        if key == "group_schedules":
            groups.update(value)
        else:
            sla[key] = value
    if groups:
        sla["group_schedules"] = groups
    out["sla"] = sla
    return out


def merge_into(path: Path, imported: SlaImport) -> EscalatorConfig:
    """Write the imported sections into the configuration file at `path` (the old one kept as `<path>.bak`) and
    load it back; on a ConfigError the old file is put back and the error raised."""
    backup = path.with_name(path.name + ".bak")
    data = read_yaml(path) if path.exists() else {}
    if path.exists():
        shutil.copyfile(path, backup)
    path.write_text(yaml.safe_dump(merged(data, imported), sort_keys=False, allow_unicode=True), encoding="utf-8")
    try:
        return load_config(path)
    except ConfigError:
        if backup.exists():
            shutil.copyfile(backup, path)
        raise
