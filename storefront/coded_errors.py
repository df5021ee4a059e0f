"""The shape every domain's errors share: a code (an enum member, also the API's error
code) and a message for people, translated into their language when it is shown."""

import enum
from collections.abc import Mapping
from typing import ClassVar

from flask_babel.speaklater import LazyString


class CodedError(Exception):
    """Base of the domains' error bases; each sets `messages` (code -> lazy message).
    `params` fill the message's `%(name)s` blanks."""

    messages: ClassVar[Mapping[enum.StrEnum, LazyString]]

    def __init__(self, code: enum.StrEnum, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params

    def message(self) -> str:
        text = str(self.messages[self.code])
        return (
            text % {name: str(value) for name, value in self.params.items()}
            if self.params
            else text
        )
