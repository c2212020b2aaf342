"""The import contract, read from the code: the pure core imports nothing from the service layer (but for type
hints), the store, the adapters or the entry points; the service layer imports no adapter and no entry point;
adapters import only the core; no import cycles (imports inside functions count); and no import of our own
modules inside a function of the core, the service layer or the adapters (that is how cycles hide)."""

from __future__ import annotations

import ast
import gc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("plugin", "adapters", "webhooks")
SERVICE = ("service", "store", "reports")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts or "sandbox" in parts:
                continue  # migrations are Alembic's; the sandbox is a test server of its own
            found[".".join(parts).removesuffix(".__init__")] = path
    return found


def layer(module: str) -> str:
    top, *rest = module.split(".")
    if top != "plugin":
        return top
    return "service" if rest and rest[0] in SERVICE else "core"


def parse(path: Path) -> ast.Module:
    """The module's syntax tree, parsed with the cyclic garbage collector held off.

    CPython 3.11 counts the AST constructor's recursion on the thread's Python recursion counter; a collection that
    runs finalizers (a full suite leaves database connections and threads behind) can move that counter in the
    middle of the parse, which then fails with "SystemError: AST constructor recursion depth mismatch"
    (CPython gh-106905, fixed in 3.12). Nothing in the parse needs the collector.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return ast.parse(path.read_text(encoding="utf-8"))
    finally:
        if was_enabled:
            gc.enable()


def imports(module: str, path: Path, known: dict[str, Path]) -> list[tuple[str, bool, bool]]:
    """(imported module, only for type checking, inside a function) for each import of one of our modules."""
    tree = parse(path)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        typing_only = in_function = False
        parent = parents.get(node)
        while parent is not None:
            if isinstance(parent, ast.If) and "TYPE_CHECKING" in ast.unparse(parent.test):
                typing_only = True
            if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef):
                in_function = True
            parent = parents.get(parent)
        if isinstance(node, ast.ImportFrom):
            base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
            target = ".".join(base[:len(base) - node.level + 1] + [node.module or ""]) if node.level else node.module
            names = [f"{target}.{alias.name}" for alias in node.names] + [target or ""]
        else:
            names = [alias.name for alias in node.names]
        for name in names:
            while name and name not in known and "." in name:
                name = name.rsplit(".", 1)[0]
            if name in known and name != module:
                out.append((name, typing_only, in_function))
    return out


def edges() -> dict[str, list[tuple[str, bool, bool]]]:
    known = modules()
    return {module: imports(module, path, known) for module, path in known.items()}


def test_the_layers_import_inward_only() -> None:
    breaches = []
    for source, targets in edges().items():
        for target, typing_only, _ in targets:
            s, t = layer(source), layer(target)
            if s == "core" and (t in ("adapters", "webhooks") or (t == "service" and not typing_only)):
                breaches.append(f"the core imports {t}: {source} -> {target}")
            elif s == "service" and t in ("adapters", "webhooks"):
                breaches.append(f"the service layer imports {t}: {source} -> {target}")
            elif s == "adapters" and t in ("service", "webhooks"):
                breaches.append(f"an adapter imports beyond the core: {source} -> {target}")
    assert breaches == []


def test_the_ports_live_in_the_core() -> None:
    assert layer("plugin.ports") == layer("plugin.ledger") == layer("plugin.lifecycles") == "core"
    import adapters.base
    import plugin.ports

    assert adapters.base.HelpdeskAdapter is plugin.ports.HelpdeskAdapter  # the adapters' view is the core's port


def test_no_import_cycles() -> None:
    graph = {m: {t for t, typing_only, _ in targets if not typing_only} for m, targets in edges().items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target):], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_no_function_level_import_of_our_own_modules_outside_the_cli() -> None:
    lazy = [f"{source} -> {target}" for source, targets in edges().items() for target, _, in_function in targets
            if in_function and source not in ("webhooks.cli", "webhooks")]
    assert lazy == []
