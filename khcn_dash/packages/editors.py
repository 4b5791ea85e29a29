"""Who may publish a package from the app: the editors of `.streamlit/secrets.toml`, each a user name
and an Argon2 hash of their password (argon2-cffi; never hand-rolled hashing, never a plain password):

    [editors]
    ana = "$argon2id$v=19$m=65536,t=3,p=4$..."

`python -m khcn_dash.packages hash-password` makes a hash. No Streamlit here: the page reads
st.secrets and passes its `editors` table in.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

SECTION = "editors"  # the secrets.toml table
HASH_PREFIX = "$argon2"
MAX_PASSWORD_CHARS = 1024  # longer input is refused unhashed (argon2 would take it, but nobody types that)


@functools.cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # the library's defaults (RFC 9106's low-memory profile)


def hash_password(password: str) -> str:
    """The Argon2id hash of `password`, as secrets.toml keeps it."""
    if not password:
        raise ValueError("empty password")
    return _hasher().hash(password)


@functools.cache
def _stand_in() -> str:
    """A hash no password matches in practice: an unknown user name costs the same verification
    as a known one, so the answer's timing does not tell which names exist."""
    return _hasher().hash("unknown user: no password matches this")


def editors_from(section) -> dict[str, str]:
    """The usable editors of a secrets.toml `[editors]` table (user name -> hash). Entries whose value
    is not an Argon2 hash are left out; anything that is not a table gives none."""
    if not isinstance(section, Mapping):
        return {}
    return {str(name): value for name, value in section.items()
            if isinstance(value, str) and value.startswith(HASH_PREFIX)}


def verify(editors: Mapping[str, str], username: str, password: str) -> bool:
    """True when `username` is an editor and `password` is theirs. An unknown user and a wrong password
    take the same path (one Argon2 verification, whose comparison is the library's) and give the same
    answer."""
    username = (username or "").strip()
    password = password or ""
    known = username in editors
    hashed = editors[username] if known else _stand_in()
    usable = 0 < len(password) <= MAX_PASSWORD_CHARS
    try:  # an empty or absurd password is still verified (as a stand-in), so it is not answered faster
        ok = _hasher().verify(hashed, password if usable else "\x00")
    except (VerificationError, InvalidHashError):
        ok = False
    return ok and known and usable
