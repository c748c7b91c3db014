"""Put the repository's top-level glossary.tsv into the wheel as package data.

The design keeps ``glossary.tsv`` at the top level of the repository, outside
every package folder, so ``package-data`` alone cannot reach it. This build step
copies it to ``zhreader/glossary.tsv`` in the built package; an editable install
reads it where it is (``zhreader.pipeline.glossary.load.bundled_glossary_path``).
Everything else is configured in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

GLOSSARY = Path(__file__).parent / "glossary.tsv"


class BuildWithGlossary(build_py):
    """Build the packages, then add the bundled glossary beside them."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install reads the checkout's file
            target = Path(self.build_lib) / "zhreader"
            self.mkpath(str(target))
            self.copy_file(str(GLOSSARY), str(target / "glossary.tsv"))


setup(cmdclass={"build_py": BuildWithGlossary})
