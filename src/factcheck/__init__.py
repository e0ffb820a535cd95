"""factcheck-pipeline: raw news articles in, a fact-check dataset out."""

__version__ = "0.1.0"
