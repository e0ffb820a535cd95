"""The one exception ingestion raises for bad input: it becomes a quarantine row."""


class Rejected(Exception):
    """An input that cannot be loaded. The message is shown to people: make it say why."""
