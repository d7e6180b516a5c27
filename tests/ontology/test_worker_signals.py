"""Ctrl-C while a worker is spawned: held, then raised in this process; pending, then dropped, in the worker."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from ontology.worker_signals import ctrl_c_held

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")


def test_ctrl_c_inside_is_raised_on_leaving_not_in_the_middle():
    reached = []
    with pytest.raises(KeyboardInterrupt):
        with ctrl_c_held():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            reached.append("the rest of the spawn")
    assert reached == ["the rest of the spawn"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_bug_a_ctrl_c_another_thread_received_was_raised_in_the_middle_of_a_spawn():
    """Blocked in this thread, a process's SIGINT goes to another thread; Python still raised it here."""
    stop = threading.Event()
    busy = threading.Thread(target=lambda: stop.wait(5))
    busy.start()
    reached = []
    try:
        with pytest.raises(KeyboardInterrupt):
            with ctrl_c_held():
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.05)                            # with the mask alone, raised here
                reached.append("the rest of the spawn")
    finally:
        stop.set()
        busy.join()
    assert reached == ["the rest of the spawn"]


def test_a_process_started_inside_inherits_ctrl_c_blocked():
    probe = "import signal; print(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set()))"
    with ctrl_c_held():
        inside = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    outside = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert (inside.strip(), outside.strip()) == ("True", "False")


def test_without_ctrl_c_nothing_is_raised_and_the_handler_is_restored():
    with ctrl_c_held():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())


def test_outside_the_main_thread_it_only_blocks():
    errors = []

    def spawn_from_a_thread():
        try:
            with ctrl_c_held():
                assert signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set())
        except BaseException as exc:                      # signal.signal outside the main thread: ValueError
            errors.append(exc)

    thread = threading.Thread(target=spawn_from_a_thread)
    thread.start()
    thread.join()
    assert errors == []
