"""zhreader: Chinese newspaper text into bilingual reading editions."""

__version__ = "0.1.0"
