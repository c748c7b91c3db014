"""argostranslate packages: find, list and install zh→en translation packages.

Only ``argostranslate.package`` and ``argostranslate.settings`` are imported
(they need packaging and sentencepiece); ``argostranslate.translate`` pulls
in stanza and PyTorch, which the runtime does not install. argostranslate
reads its settings and creates its folders when first imported:
``XDG_DATA_HOME``, ``XDG_CONFIG_HOME``, ``XDG_CACHE_HOME`` and
``ARGOS_PACKAGES_DIR`` move them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

from zhreader.errors import TranslationModelError

FROM_CODE, TO_CODE = "zh", "en"
INSTALL_HINT = "install one with: zhreader models install FILE.argosmodel (see docs/translation.md)"


@dataclass(frozen=True)
class PackageInfo:
    """An installed zh→en package."""

    name: str
    version: str
    path: Path
    size: int
    target_prefix: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}-{self.version}"


def _argos_package():
    try:
        from argostranslate import package
    except ImportError as err:
        raise TranslationModelError(
            f"argostranslate is not installed ({err.name} is missing)",
            hint="run: pip install --no-deps argostranslate==1.11.0",
        ) from err
    # argostranslate logs its network errors with no handler, so Python prints
    # them raw on stderr; our own one-line errors say what happened.
    logging.getLogger("argostranslate").addHandler(logging.NullHandler())
    return package


def installed_packages() -> list[PackageInfo]:
    """Return the installed zh→en translation packages, best (highest version) last."""
    package = _argos_package()
    try:
        found = package.get_installed_packages()
    except (FileNotFoundError, json.JSONDecodeError) as err:
        raise TranslationModelError(
            f"a broken argostranslate package is installed: {err}",
            hint="remove that folder from the packages folder ($ARGOS_PACKAGES_DIR)",
        ) from err
    infos = [_info(pkg, package) for pkg in found if _is_zh_en(pkg)]
    return sorted(infos, key=_version_key)


def _is_zh_en(pkg) -> bool:
    return pkg.type == "translate" and pkg.from_code == FROM_CODE and pkg.to_code == TO_CODE


def _info(pkg, package) -> PackageInfo:
    path = Path(pkg.package_path)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    name = pkg.code or package.argospm_package_name(pkg)
    return PackageInfo(name, pkg.package_version or "0", path, size, pkg.target_prefix or "")


def _version_key(info: PackageInfo):
    from packaging.version import InvalidVersion, Version

    try:
        version = Version(info.version)
    except InvalidVersion:
        version = Version("0")
    return (version, info.name, str(info.path))


def check_package_file(path: Path) -> dict:
    """Check an ``.argosmodel`` file before installing it; return its metadata."""
    where = str(path)
    if not path.is_file():
        raise TranslationModelError(
            "no such file", file=where, hint="give the path of an .argosmodel file"
        )
    if not zipfile.is_zipfile(path):
        raise TranslationModelError("not an argostranslate package (not a zip file)", file=where)
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.strip("/")]
        tops = {n.split("/", 1)[0] for n in names}
        # argostranslate lists every folder of its packages directory as a
        # package: a zip with loose files at the top would break every listing.
        if len(tops) != 1 or not all("/" in n for n in names):
            raise TranslationModelError(
                "the package must hold exactly one top-level folder", file=where
            )
        top = tops.pop()
        try:
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
        except (KeyError, json.JSONDecodeError) as err:
            raise TranslationModelError(
                f"no readable metadata.json in the package ({err})", file=where
            ) from err
        missing = [
            n for n in ("model/model.bin", "sentencepiece.model") if f"{top}/{n}" not in names
        ]
    if missing:
        raise TranslationModelError(f"the package lacks {', '.join(missing)}", file=where)
    if (metadata.get("from_code"), metadata.get("to_code")) != (FROM_CODE, TO_CODE):
        raise TranslationModelError(
            f"the package translates {metadata.get('from_code')}→{metadata.get('to_code')}"
            ", not zh→en",
            file=where,
        )
    return metadata


def install_file(path: Path) -> PackageInfo:
    """Install an ``.argosmodel`` file with argostranslate (no network); return it."""
    path = Path(path)
    check_package_file(path)
    package = _argos_package()
    # install_from_path extracts first, then clears the language cache of
    # argostranslate.translate, which needs stanza; without it there is no
    # cache to clear.
    with contextlib.suppress(ImportError):
        package.install_from_path(path)
    return installed_packages()[-1]


def install_from_index() -> PackageInfo:
    """Install the zh→en package from argostranslate's online index, or fail at once offline."""
    package = _argos_package()
    from argostranslate import settings

    try:
        package.update_package_index()
    except Exception as err:  # argostranslate reports most failures by logging only
        raise _offline_error(err) from err
    if not Path(settings.local_package_index).is_file():
        # Without a local index, get_available_packages() would retry forever
        # (it recurses until RecursionError).
        raise _offline_error(None)
    candidates = [p for p in package.get_available_packages() if _is_zh_en(p)]
    if not candidates:
        raise TranslationModelError("argostranslate's index has no zh→en package")
    best = max(
        candidates, key=lambda p: _version_key(PackageInfo("", p.package_version, Path(), 0))
    )
    try:
        downloaded = best.download()
    except Exception as err:
        raise _offline_error(err) from err
    return install_file(Path(downloaded))


def _offline_error(err: Exception | None) -> TranslationModelError:
    detail = f" ({err})" if err else ""
    return TranslationModelError(
        f"cannot reach argostranslate's package index{detail}",
        hint="offline? download translate-zh_en-*.argosmodel elsewhere and run: "
        "zhreader models install FILE.argosmodel",
    )


__all__ = [
    "INSTALL_HINT",
    "PackageInfo",
    "check_package_file",
    "install_file",
    "install_from_index",
    "installed_packages",
]
