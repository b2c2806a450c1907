"""Keep the interface translations complete and in step with the code.

Without arguments (CI): extract the messages into a scratch copy and fail when the
committed .po files miss a message, keep one the code no longer has, have an empty
or fuzzy Spanish msgstr, or when a committed .mo differs from its .po. An empty or
fuzzy msgstr of a warned language (French) is listed as a warning and does not
fail: Django shows the English text for it (an empty msgstr and a fuzzy entry are
left out of the compiled .mo).
With --update (`make messages`): refresh the .po files in place and compile them.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIRS = [ROOT / "cms" / "locale", ROOT / "learning" / "locale"]
# Incomplete translations fail the check in REQUIRED_LANGUAGES and are listed as
# warnings in the others.
TRANSLATED_LANGUAGES = ["es", "fr"]
REQUIRED_LANGUAGES = {"es"}
# How many untranslated msgids a warning lists per file.
WARNING_LIST_LIMIT = 10
MAKEMESSAGES = [
    sys.executable,
    "manage.py",
    "makemessages",
    "--no-obsolete",
    "--add-location=file",
    "--ignore=.venv/*",
    "--ignore=var/*",
    "--ignore=static/*",
    "--ignore=media/*",
    "--ignore=tests/*",
    "--ignore=bench/*",
    "--ignore=scripts/*",
]


def run_makemessages():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    for language in TRANSLATED_LANGUAGES:
        subprocess.run(  # noqa: S603
            [*MAKEMESSAGES, "-l", language],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def po_files():
    for locale_dir in LOCALE_DIRS:
        for language in TRANSLATED_LANGUAGES:
            yield locale_dir / language / "LC_MESSAGES" / "django.po"


def message_keys(po):
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


def untranslated(po):
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"empty plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"empty: {entry.msgid!r}")
    return problems


def compile_all():
    for po_path in po_files():
        if po_path.exists():
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def review(name, language, committed, fresh):
    """(problems, warnings) of one committed .po file against a fresh extraction."""
    problems = []
    for key in sorted(message_keys(fresh) - message_keys(committed), key=str):
        problems.append(f"{name}: not extracted yet: {key[1]!r}")
    for key in sorted(message_keys(committed) - message_keys(fresh), key=str):
        problems.append(f"{name}: no longer in the code: {key[1]!r}")
    missing = untranslated(committed)
    if language in REQUIRED_LANGUAGES:
        return problems + [f"{name}: {p}" for p in missing], []
    if not missing:
        return problems, []
    listed = "".join(f"\n  {p}" for p in missing[:WARNING_LIST_LIMIT])
    more = len(missing) - WARNING_LIST_LIMIT
    tail = f"\n  ... and {more} more" if more > 0 else ""
    warning = f"{name}: {len(missing)} untranslated (shown in English):{listed}{tail}"
    return problems, [warning]


def language_of(po_path: Path) -> str:
    return po_path.parent.parent.name


def check():
    """(problems, warnings) of every committed .po file."""
    problems, warnings = [], []
    with tempfile.TemporaryDirectory() as scratch:
        saved = {}
        for po_path in po_files():
            if po_path.exists():
                saved[po_path] = Path(scratch) / str(len(saved))
                shutil.copy2(po_path, saved[po_path])
        try:
            run_makemessages()
            fresh = {p: polib.pofile(str(p)) for p in po_files() if p.exists()}
        finally:
            for po_path in po_files():
                if po_path in saved:
                    shutil.copy2(saved[po_path], po_path)
                elif po_path.exists():
                    po_path.unlink()
    for po_path, fresh_po in fresh.items():
        name = po_path.relative_to(ROOT)
        if po_path not in saved:
            problems.append(f"{name}: missing; run `make messages`")
            continue
        committed = polib.pofile(str(po_path))
        found, warned = review(name, language_of(po_path), committed, fresh_po)
        problems += found
        warnings += warned
        mo_path = po_path.with_suffix(".mo")
        expected = Path(scratch + ".mo")
        committed.save_as_mofile(str(expected))
        if not mo_path.exists() or mo_path.read_bytes() != expected.read_bytes():
            problems.append(f"{name}: .mo is stale; run `make messages`")
        expected.unlink()
    return problems, warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh and compile")
    args = parser.parse_args()
    if args.update:
        run_makemessages()
        compile_all()
        for po_path in po_files():
            if po_path.exists():
                missing = untranslated(polib.pofile(str(po_path)))
                if missing:
                    print(f"{po_path.relative_to(ROOT)}: {len(missing)} to translate")
        return 0
    problems, warnings = check()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s).", file=sys.stderr)
        return 1
    if warnings:
        print("Translations up to date; some untranslated (warnings above).")
        return 0
    print("Translations complete and up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
