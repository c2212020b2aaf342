"""Hidden markers in HTML bodies: how a public reply carries its ledger reference where the customer never sees it,
and how the reference is found again when the ticket is read back (plugin/ledger.py reads `Comment.body`).

A reply goes out as HTML: its text (escaped, line breaks kept), then two carriers of the reference, neither of which
renders as anything in an email or on a portal:

- an HTML comment, `<!-- escalator-ref:KEY:reply -->`;
- an empty element whose `title` attribute holds the reference, `<span title="escalator-ref:KEY:reply"></span>`.

Two, because what each platform keeps of the HTML it is sent is not documented. Freshdesk cleans note and reply
bodies with the Sanitize gem on a RELAXED allow-list (its 2019 source, lib/utils/sanitizer.rb and
lib/helpdesk/html_sanitizer.rb), and Sanitize drops HTML comments unless told otherwise (`allow_comments` is false
by default) while RELAXED keeps `title` on every element: so on Freshdesk the comment is probably gone and the
`title` stays [inferred, not checked against a live account]. Whether Zendesk keeps HTML comments in `html_body` is
not documented either [unknown]; its help-center allow-list keeps `title` as a global attribute, and Zendesk's
adapter also writes the reference into the update's metadata (read back from the comment's `metadata.custom`
[inferred]). Whatever survives is enough: reading a comment, the adapter puts every reference it finds back at the
end of `Comment.body` as `<!-- escalator-ref:... -->`, the hidden form the ledger reads.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from plugin.domain import MARKER_PREFIX
from plugin.ledger import hidden_marker, references

_COMMENT = re.compile(r"<!--\s*(" + re.escape(MARKER_PREFIX) + r"[^\s>]+?)\s*-->")
_TITLE = re.compile(r"""\btitle\s*=\s*(?:"(""" + re.escape(MARKER_PREFIX) + r"""[^"]+)"|'("""
                    + re.escape(MARKER_PREFIX) + r"""[^']+)')""", re.IGNORECASE)


def text_html(text: str) -> str:
    """Plain text as an HTML body: escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def hidden_carriers(reference: str) -> str:
    """The HTML that carries a reference out of sight (see the module's docstring for why two carriers)."""
    quoted = html.escape(reference, quote=True)
    return f"<!-- {reference} --><span title=\"{quoted}\"></span>"


def reply_html(text: str, reference: str) -> str:
    """A public reply's HTML body: the text the customer reads, then its hidden marker."""
    return f"{text_html(text.rstrip())}{hidden_carriers(reference)}"


def references_in_html(body: str) -> list[str]:
    """The references an HTML body carries out of sight (an HTML comment, a `title` attribute), in order, once."""
    found: list[str] = []
    for match in (*_COMMENT.finditer(body), *_TITLE.finditer(body)):
        reference = html.unescape(next(g for g in match.groups() if g))
        if reference not in found:
            found.append(reference)
    return found


def with_hidden_references(text: str, found: Iterable[str]) -> str:
    """A comment's text as `Comment.body`: the readable text, then each hidden reference it does not show already."""
    shown = references(text)
    extra = [hidden_marker(r) for r in dict.fromkeys(found) if r not in shown]
    return "\n\n".join([text.rstrip(), *extra]) if extra else text
