"""python -m khcn_dash.packages COMMAND [--lang en]: check, add, list, remove, descriptor, template,
hash-password.

Every message is in Vietnamese, or in English with --lang en; no traceback reaches the user. Exit codes:
0 valid / done, 1 not valid / refused, 2 a usage error or a path that cannot be read.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .. import config
from ..labels import packages as L
from ..labels import pick

OK, INVALID, USAGE = 0, 1, 2
COMMANDS = {"check": "arg_path", "add": "arg_path", "list": None, "remove": "arg_id", "descriptor": "arg_path",
            "template": "arg_out", "hash-password": None}


class _UsageError(Exception):
    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values


def _parse(argv: list[str]) -> tuple[str, str | None, str, Path | None]:
    """(command, its argument, language, --example folder)."""
    lang, example, rest = "vi", None, []
    if "-h" in argv or "--help" in argv:
        return "help", None, _lang_of(argv), None
    args = iter(argv)
    for a in args:
        if a in ("--lang", "--example"):
            value = next(args, None)
            if value is None or (a == "--lang" and value not in ("vi", "en")):
                raise _UsageError("bad_option", option=f"{a} {value or ''}".strip())
            if a == "--lang":
                lang = value
            else:
                example = Path(value)
        elif a.startswith("--lang="):
            lang = a.split("=", 1)[1]
            if lang not in ("vi", "en"):
                raise _UsageError("bad_option", option=a)
        elif a.startswith("-"):
            raise _UsageError("bad_option", option=a)
        else:
            rest.append(a)
    if not rest:
        return "help", None, lang, None
    command, *values = rest
    if command not in COMMANDS:
        raise _UsageError("unknown_command", name=command)
    needs = COMMANDS[command]
    if needs and not values:
        raise _UsageError("missing_argument", command=command, what=L.CLI[needs])
    if len(values) > (1 if needs else 0):
        raise _UsageError("extra_argument", value=values[1 if needs else 0])
    if example is not None and command != "template":
        raise _UsageError("bad_option", option="--example")
    return command, values[0] if values else None, lang, example


def _lang_of(argv: list[str]) -> str:
    """The language asked for, even when the rest of the command is wrong."""
    for i, a in enumerate(argv):
        if (a == "--lang" and argv[i + 1:i + 2] == ["en"]) or a == "--lang=en":
            return "en"
    return "vi"


def _say(key: str, lang: str, file=None, **values) -> None:
    print(pick(L.CLI[key], lang).format(**{k: pick(v, lang) if isinstance(v, tuple) else v for k, v in values.items()}),
          file=file or sys.stdout)


def check(path: str, lang: str) -> int:
    from .validation import check_path

    report = check_path(Path(path))
    print(report.render(lang))
    return OK if report.valid else INVALID


def add(path: str, lang: str) -> int:
    from . import store

    added = store.add(Path(path))
    print(added.report.render(lang))
    if added.published is None:
        return INVALID
    _say("added", lang, package=added.report.identity.package_id, folder=added.published)
    if added.replaced is not None:
        _say("kept_old", lang, folder=added.replaced)
    return OK


def list_packages(lang: str) -> int:
    from . import store

    found = store.packages()
    if not found:
        _say("list_empty", lang, folder=config.PACKAGES_DIR)
        return OK
    head = pick(L.CLI["list_head"], lang).split("|")
    rows = []
    for p in found:
        who = p.identity
        if who is None:
            rows.append([p.folder.name, pick(L.CLI["list_unreadable"], lang), "", "", ""])
        else:
            rows.append([who.package_id, who.province_vi if lang == "vi" else who.province_en, str(who.plan_year),
                         who.number, pick(L.CLI["yes" if who.fictional else "no"], lang)])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return OK


def remove(package_id: str, lang: str) -> int:
    from . import store

    try:
        kept = store.remove(package_id)
    except store.BadPackageId:
        _say("bad_id", lang, file=sys.stderr, value=package_id)
        return USAGE
    except store.UnknownPackage:
        _say("unknown_id", lang, file=sys.stderr, value=package_id, folder=config.PACKAGES_DIR)
        return INVALID
    _say("removed", lang, package=package_id, folder=kept)
    return OK


def rewrite_descriptor(path: str, lang: str) -> int:
    from . import descriptor

    folder = Path(path)
    try:
        desc = descriptor.refresh(folder)
    except (OSError, ValueError):
        _say("not_a_package_folder", lang, file=sys.stderr, path=path)
        return USAGE
    _say("descriptor_written", lang, folder=folder, n=len(desc["resources"]))
    return OK


def template(out: str, lang: str, example: Path | None) -> int:
    from . import descriptor
    from . import template as tpl

    target = Path(out)
    if target.suffix.lower() != ".xlsx":
        _say("template_not_xlsx", lang, file=sys.stderr, path=out)
        return USAGE
    example = example or config.SOURCE_DIR
    try:
        name = descriptor.read(example)["name"]
    except (OSError, ValueError, KeyError, TypeError):
        _say("not_a_package_folder", lang, file=sys.stderr, path=example)
        return USAGE
    try:
        tpl.write(target, example, lang)
    except OSError as exc:
        reason = L.READ_REASONS["permission" if isinstance(exc, PermissionError) else "io"]
        _say("cannot_write", lang, file=sys.stderr, path=out, reason=reason)
        return USAGE
    _say("template_written", lang, path=out, package=name)
    return OK


def hash_password(lang: str) -> int:
    """Reads a password (typed twice at a terminal, without echo; otherwise the first line of standard
    input) and prints its Argon2 hash, for the [editors] table of .streamlit/secrets.toml."""
    import getpass

    from . import editors

    if sys.stdin.isatty():
        password = getpass.getpass(pick(L.CLI["password_prompt"], lang))
        if password and getpass.getpass(pick(L.CLI["password_again"], lang)) != password:
            _say("password_mismatch", lang, file=sys.stderr)
            return INVALID
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        _say("password_empty", lang, file=sys.stderr)
        return INVALID
    if len(password) > editors.MAX_PASSWORD_CHARS:
        _say("password_too_long", lang, file=sys.stderr, limit=editors.MAX_PASSWORD_CHARS)
        return INVALID
    print(editors.hash_password(password))
    _say("password_hint", lang, file=sys.stderr)
    return OK


def main(argv: list[str]) -> int:
    lang = _lang_of(argv)
    try:
        command, value, lang, example = _parse(argv)
        if command == "help":
            _say("usage", lang, file=None if argv else sys.stderr)
            return OK if argv else USAGE
        if command == "check":
            return check(value, lang)
        if command == "add":
            return add(value, lang)
        if command == "list":
            return list_packages(lang)
        if command == "remove":
            return remove(value, lang)
        if command == "descriptor":
            return rewrite_descriptor(value, lang)
        if command == "hash-password":
            return hash_password(lang)
        return template(value, lang, example)
    except _UsageError as exc:
        detail = pick(L.CLI[exc.key], lang).format(**{k: pick(v, lang) if isinstance(v, tuple) else v
                                                      for k, v in exc.values.items()})
        _say("usage_error", lang, file=sys.stderr, detail=detail)
        _say("usage", lang, file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        _say("interrupted", lang, file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user gets a message, never a traceback
        from .report import Unreadable

        if isinstance(exc, Unreadable):
            print(exc.problem.message(lang), file=sys.stderr)
            return USAGE
        _say("unexpected", lang, file=sys.stderr, error=f"{type(exc).__name__}: {exc}"[:300])
        return USAGE


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
