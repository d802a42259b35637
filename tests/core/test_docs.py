"""The manual stays true to the code.

docs/configuration.md holds the one table of environment variables: an operator reads it to
know what can be set. It is only worth reading if it is complete and names nothing that no
longer exists, so these tests read the code the way Python and the shell do: every
`os.environ` read, `os.getenv`, `env_bool`/`env_list` call, `${NAME:-…}` in a shell script
and overridable variable of the Makefile, in the whole repository.

README.md stays a short onboarding page (the manual holds the rest) whose links resolve.
"""

import ast
import functools
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIGURATION_PAGE = ROOT / "docs" / "configuration.md"
README = ROOT / "README.md"
README_LIMIT = 12 * 1024  # bytes; the Wagtail sites the project compares itself with keep 7–12 KB

SKIPPED_DIRS = {
    ".git",
    ".venv",
    ".venv-audit",
    "node_modules",
    "build",
    "var",
    "migrations",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}

# Variables our code never names because a library reads them, with the line that hands
# the job to that library: if the line goes, so must the row of the table.
READ_BY_LIBRARIES = {
    "DATABASE_URL": ("config/settings/base.py", "dj_database_url.config("),
    "AWS_ACCESS_KEY_ID": ("config/settings/base.py", "storages.backends.s3"),
    "AWS_SECRET_ACCESS_KEY": ("config/settings/base.py", "storages.backends.s3"),
}
# Read only to be restored after the code set it itself: nothing anyone configures.
NOT_CONFIGURATION = {
    "DJANGO_ALLOW_ASYNC_UNSAFE": "set by tests/browser/conftest.py around Playwright's loop",
}
MAKE_BUILTINS = {"MAKE", "MAKEFLAGS", "CURDIR", "SHELL"}

NAME = r"[A-Z][A-Z0-9_]*"


def repository_files():
    for directory, subdirectories, files in os.walk(ROOT):
        subdirectories[:] = [name for name in subdirectories if name not in SKIPPED_DIRS]
        for name in files:
            yield Path(directory) / name


def kind_of(path):
    if path.suffix == ".py":
        return "python"
    if path.name == "Makefile":
        return "make"
    if path.suffix == ".sh":
        return "shell"
    if path.suffix == "":
        try:
            first_line = path.open(encoding="utf-8").readline()
        except (UnicodeDecodeError, OSError):
            return None
        if first_line.startswith("#!") and "python" in first_line:
            return "python"
        if first_line.startswith("#!") and re.search(r"\b(ba)?sh\b", first_line):
            return "shell"
    return None


def _is_os_environ(node):
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _constant_name(node):
    is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
    return node.value if is_text and re.fullmatch(NAME, node.value) else None


def _reads_environment(func):
    """os.environ.get/setdefault/pop, os.getenv or getenv, and the settings' env_* helpers."""
    if isinstance(func, ast.Attribute):
        if func.attr in {"get", "setdefault", "pop"}:
            return _is_os_environ(func.value)
        return func.attr == "getenv" or func.attr.startswith("env_")
    return isinstance(func, ast.Name) and (func.id == "getenv" or func.id.startswith("env_"))


def _read_name(node):
    """The variable this node reads, if it reads one by a literal name."""
    if isinstance(node, ast.Call) and node.args and _reads_environment(node.func):
        return _constant_name(node.args[0])
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
        return _constant_name(node.slice) if _is_os_environ(node.value) else None
    if isinstance(node, ast.Compare) and any(map(_is_os_environ, node.comparators)):
        return _constant_name(node.left)  # "NAME" in os.environ
    return None


def python_reads(source):
    """Names read from the environment: os.environ.get/setdefault/pop("X"), os.environ["X"],
    "X" in os.environ, os.getenv("X"), and the settings' env_bool("X") / env_list("X")."""
    return {name for node in ast.walk(ast.parse(source)) if (name := _read_name(node))}


def shell_reads(source):
    """${NAME:-default}, ${NAME-default}, ${NAME:?message}…: a variable the script expects."""
    return set(re.findall(r"\$\{(" + NAME + r"):?[-=?+]", source))


def make_reads(source):
    """`NAME ?= default`, and $(NAME) used but never assigned: set from the environment."""
    overridable = set(re.findall(r"^(" + NAME + r")\s*\?=", source, re.MULTILINE))
    assigned = set(re.findall(r"^(" + NAME + r")\s*:?=", source, re.MULTILINE))
    used = set(re.findall(r"\$\((" + NAME + r")\)", source))
    return overridable | (used - assigned - MAKE_BUILTINS)


READERS = {"python": python_reads, "shell": shell_reads, "make": make_reads}


@functools.cache
def variables_read():
    """{name: [files that read it]} over the whole repository, libraries' reads included."""
    found = {}
    for path in repository_files():
        kind = kind_of(path)
        if kind is None:
            continue
        for name in READERS[kind](path.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(str(path.relative_to(ROOT)))
    for name, (relative, evidence) in READ_BY_LIBRARIES.items():
        if evidence in (ROOT / relative).read_text(encoding="utf-8"):
            found.setdefault(name, []).append(f"{relative} (through {evidence.rstrip('(')})")
    return found


def variable_tables(text):
    """Each Markdown table whose first header cell is "Variable", as a list of rows (cells)."""
    tables, current = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("|"):
            current = None
            continue
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        if current is None:
            current = []
            if cells[0] == "Variable":
                tables.append(current)
            continue
        if not set(cells[0]) <= set("-: "):
            current.append(cells)
    return tables


def documented_variables():
    """{name: number of rows that name it} in the first cells of the configuration table."""
    (table,) = variable_tables(CONFIGURATION_PAGE.read_text(encoding="utf-8"))
    counts = {}
    for cells in table:
        for name in re.findall(r"`(" + NAME + r")`", cells[0]):
            counts[name] = counts.get(name, 0) + 1
    return counts


def test_the_readers_find_every_kind_of_read():
    """The scanners themselves, on one line of each form (a scanner that finds nothing would
    make the two tests below pass whatever the table says)."""
    python = (
        'import os\na = os.environ.get("A", "1")\nb = os.environ["B"]\nc = "C" in os.environ\n'
        'd = os.getenv("D")\ne = env_bool("E", False)\nf = env_list("F")\n'
        'os.environ.setdefault("G", "x")\nos.environ["H"] = "written, not read"\n'
    )
    assert python_reads(python) == {"A", "B", "C", "D", "E", "F", "G"}
    assert shell_reads("PG_BIN=${PG_BIN:-/usr/lib}\nx=${OTHER-}\ny=$LOCAL\n") == {"PG_BIN", "OTHER"}
    makefile = "PYTHON ?= python3\nBIN := .venv/bin\nrun:\n\t$(BIN)/pytest $(PYTEST_ARGS)\n"
    assert make_reads(makefile) == {"PYTHON", "PYTEST_ARGS"}


def test_every_variable_the_code_reads_is_in_the_configuration_table():
    read, documented = variables_read(), documented_variables()
    missing = {
        name: files
        for name, files in read.items()
        if name not in documented and name not in NOT_CONFIGURATION
    }
    assert not missing, (
        "Environment variables read by the code but missing from the table of "
        f"docs/configuration.md (add a row: default and purpose): {missing}"
    )
    assert set(NOT_CONFIGURATION) <= set(read), "NOT_CONFIGURATION names a variable nobody reads"


def test_the_configuration_table_names_only_variables_something_reads():
    unread = sorted(set(documented_variables()) - set(variables_read()))
    assert not unread, (
        f"docs/configuration.md documents variables nothing reads any more: {unread} "
        "(remove their rows, or name the library that reads them in READ_BY_LIBRARIES)"
    )


def test_there_is_one_table_of_variables_and_one_row_per_variable():
    pages = [README, *sorted((ROOT / "docs").glob("*.md"))]
    tables = {
        str(page.relative_to(ROOT)): len(variable_tables(page.read_text(encoding="utf-8")))
        for page in pages
    }
    assert {page: count for page, count in tables.items() if count} == {
        "docs/configuration.md": 1
    }, "Environment variables belong in the one table of docs/configuration.md"
    repeated = [name for name, rows in documented_variables().items() if rows > 1]
    assert not repeated, f"Variables in more than one row: {repeated}"


def test_readme_is_a_short_onboarding_page_whose_links_resolve():
    text = README.read_text(encoding="utf-8")
    size = len(text.encode("utf-8"))
    assert size <= README_LIMIT, (
        f"README.md is {size} bytes (limit {README_LIMIT}): move the detail into docs/"
    )
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    local = [target for target in targets if "://" not in target]
    assert local, "the README links into the manual"
    broken = [target for target in local if not (ROOT / target).exists()]
    assert not broken, f"README.md links to missing files: {broken}"
