"""The one exception type users see, and the place in a text where a bug struck."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class KGError(Exception):
    """A problem the user can fix. The message names the bad value and the fix."""


class TextError(Exception):
    """Reading an article failed in this line or sentence; the error is the cause."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


@contextmanager
def located(text: str) -> Iterator[None]:
    """Any error inside becomes a TextError naming `text`, unless it already names a place."""
    try:
        yield
    except TextError:
        raise
    except Exception as err:
        raise TextError(text) from err
