"""What a release was made from: the code version and a fingerprint of every input.

Two runs with the same fingerprint would publish the same tables, so the nightly run skips
building a release whose fingerprint equals the latest one ("nothing changed").
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from factcheck import __version__
from factcheck.extract.lexicon import DICTIONARY_SEEDS
from factcheck.settings import DBT_PROJECT_DIR, EXPECTATIONS_DIR, PROJECT_ROOT

_CODE_GLOBS = [
    (PROJECT_ROOT / "src" / "factcheck", "**/*.py"),
    (PROJECT_ROOT / "src" / "factcheck", "**/*.txt"),  # the extractor's word list
    (DBT_PROJECT_DIR, "*.yml"),
    (DBT_PROJECT_DIR / "models", "**/*"),
    (DBT_PROJECT_DIR / "macros", "**/*"),
    (DBT_PROJECT_DIR / "seeds", "**/*"),
    (EXPECTATIONS_DIR, "**/*.py"),
]


def code_version() -> str:
    """Package version plus a hash of the code and dbt project that shape the data."""
    digest = hashlib.sha256()
    for root, pattern in _CODE_GLOBS:
        for path in sorted(p for p in root.glob(pattern) if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def extractor_version() -> str:
    """Hash of what decides an article's extraction: the extractor and the dictionary."""
    digest = hashlib.sha256()
    extract_dir = PROJECT_ROOT / "src" / "factcheck" / "extract"
    sources = sorted([*extract_dir.glob("*.py"), *extract_dir.glob("*.txt")])
    sources += [PROJECT_ROOT / "src" / "factcheck" / "dbt_plugin.py"]
    sources += [DBT_PROJECT_DIR / "seeds" / name for name in DICTIONARY_SEEDS]
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# What decides which fact-checks a claim is matched to: when any of these changes, every
# claim is matched again (int_claim_fact_check_candidates is otherwise incremental).
MATCHER_SOURCES = (
    DBT_PROJECT_DIR / "macros" / "text_terms.sql",
    DBT_PROJECT_DIR / "models" / "intermediate" / "int_fact_check_terms.sql",
    DBT_PROJECT_DIR / "models" / "intermediate" / "int_claim_fact_check_candidates.sql",
    DBT_PROJECT_DIR / "seeds" / "stopwords.csv",
)


def matcher_version() -> str:
    """Hash of the matching SQL and its stopwords (passed to dbt as var matcher_version)."""
    digest = hashlib.sha256()
    for path in MATCHER_SOURCES:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def input_fingerprint(
    article_files: list[tuple[str, str | None]], folders: list[Path], code: str
) -> str:
    """Hash of (code version, every article file's content hash, every file of the folders
    read whole on each run: the verdict log and the fact-check feeds)."""
    digest = hashlib.sha256(code.encode())
    for uri, sha in sorted(article_files, key=lambda item: item[0]):
        digest.update(f"{uri}\x1f{sha or ''}\n".encode())
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(f"{folder.name}/{path.relative_to(folder).as_posix()}".encode())
            digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode())
    return digest.hexdigest()
