"""Errors that are the user's or the input's fault: the CLI prints them as one clear line."""


class ProvSumError(Exception):
    """Base class: the message names the file, the record and what is wrong."""


class InputError(ProvSumError):
    """Bad input file or record (predictions, references, raw corpus files)."""


class SourceMissingError(ProvSumError):
    """A source corpus is not where we looked; the message says how to obtain it."""


class ChecksumError(ProvSumError):
    """A source archive does not have the registered sha256."""
