"""Keep credentials out of the logs: a filter that redacts them from every record."""

import logging
import re

REDACTED = "[REDACTED]"
SECRET_NAMES = r"[\w-]*(?:password|passwd|secret|token|api[_-]?key|cookie)[\w-]*"
PATTERNS = [
    # key=value, key: value, "key": "value", for any key that names a secret. A quoted
    # value is redacted up to its closing quote, spaces included.
    re.compile(
        rf"""(?i)(["']?\b{SECRET_NAMES}["']?\s*[:=]\s*)"""
        r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s&,;}]+)"""
    ),
    # Authorization header values, wherever they appear.
    re.compile(r"(?i)(\b(?:bearer|basic)\s+)[\w.~+/-]+=*"),
    # Anything shaped like a JWT: base64url JSON header, payload and signature.
    re.compile(r"()\beyJ[\w-]*\.[\w-]+\.[\w-]*"),
]


def redact(text: str) -> str:
    """Replace each secret with REDACTED, keeping what precedes it (group 1)."""
    for pattern in PATTERNS:
        text = pattern.sub(lambda match: match[1] + REDACTED, text)
    return text


class RedactSecrets(logging.Filter):
    """Add it to handlers, not loggers: a logger's own filters never see the records
    that its child loggers propagate to it, a handler's filters see every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None  # the arguments are in the message now, redacted
        if record.exc_info and not record.exc_text:
            traceback = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(traceback)  # formatters reuse exc_text
        return True
