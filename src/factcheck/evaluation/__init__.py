"""Score the pipeline against hand-annotated articles (tests/gold/): `factcheck eval`."""
