"""The network guard itself must bite, or the autouse fixture proves nothing."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUsed


def test_guard_refuses_a_connection() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    s = socket.socket()
    try:
        with pytest.raises(NetworkUsed):
            s.connect(("127.0.0.1", 9))
    finally:
        s.close()
