"""Posts are limited per account and per address, in a sliding window."""

import threading

import pytest

from zhengwu.safety.ratelimit import RateLimiter
from zhengwu.safety.ratelimit import client_address


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


def test_hits_up_to_the_limit_are_allowed_then_refused(clock):
    limiter = RateLimiter(3, 60, clock=clock)
    assert [limiter.hit("account:li") for _ in range(5)] == [True] * 3 + [False] * 2


def test_the_window_slides_with_the_oldest_hit(clock):
    limiter = RateLimiter(3, 10, clock=clock)
    for moment in (0, 5, 9):
        clock.now = 1000 + moment
        assert limiter.hit("address:10.0.0.1")
    clock.now = 1009.5
    assert not limiter.hit("address:10.0.0.1")
    clock.now = 1010
    assert limiter.hit("address:10.0.0.1")
    assert not limiter.hit("address:10.0.0.1")


def test_refused_hits_are_not_counted(clock):
    limiter = RateLimiter(1, 10, clock=clock)
    assert limiter.hit("account:li")
    for moment in range(1, 10):
        clock.now = 1000 + moment
        assert not limiter.hit("account:li")
    clock.now = 1010
    assert limiter.hit("account:li")


def test_retry_after_says_when_the_oldest_hit_leaves_the_window(clock):
    limiter = RateLimiter(2, 60, clock=clock)
    assert limiter.retry_after("account:li") == 0
    limiter.hit("account:li")
    clock.now += 15
    limiter.hit("account:li")
    assert limiter.retry_after("account:li") == 45
    clock.now += 45
    assert limiter.retry_after("account:li") == 0


def test_keys_are_counted_apart(clock):
    limiter = RateLimiter(1, 60, clock=clock)
    assert limiter.hit("account:li")
    assert limiter.hit("account:wang")
    assert limiter.hit("address:10.0.0.1")
    assert not limiter.hit("account:li")


def test_keys_whose_window_has_passed_are_forgotten(clock):
    limiter = RateLimiter(5, 60, clock=clock)
    for number in range(100):
        limiter.hit(f"address:10.0.0.{number}")
    assert len(limiter) == 100
    clock.now += 61
    limiter.hit("account:li")
    assert len(limiter) == 1


def test_beyond_the_cap_the_key_hit_longest_ago_is_dropped(clock):
    limiter = RateLimiter(1, 60, clock=clock, max_keys=3)
    for name in ("a", "b", "c", "d"):
        clock.now += 1
        assert limiter.hit(name)
    assert len(limiter) == 3
    assert limiter.hit("a")  # forgotten, so it starts again
    assert not limiter.hit("d")


def test_reset_forgets_a_key(clock):
    limiter = RateLimiter(1, 60, clock=clock)
    limiter.hit("account:li")
    limiter.reset("account:li")
    assert limiter.hit("account:li")


def test_fifty_threads_at_once_get_exactly_the_limit():
    limiter = RateLimiter(10, 60)
    start = threading.Barrier(50)
    results = []

    def post():
        start.wait()
        results.append(limiter.hit("account:li"))

    threads = [threading.Thread(target=post) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 10
    assert results.count(False) == 40


@pytest.mark.parametrize(
    "arguments", [(0, 60), (1, 0), (1, -5)], ids=["no-hits", "no-period", "negative"]
)
def test_a_limit_that_allows_nothing_is_refused(arguments):
    with pytest.raises(ValueError):
        RateLimiter(*arguments)


PROXIES = ("127.0.0.1", "10.0.0.2")


def test_the_address_is_the_remote_address():
    assert client_address({"REMOTE_ADDR": "203.0.113.7"}) == "203.0.113.7"


def test_forwarded_for_from_an_untrusted_client_is_ignored():
    environ = {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}
    assert client_address(environ, PROXIES) == "203.0.113.7"
    assert client_address(environ) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_last_untrusted_forwarded_address_counts():
    environ = {
        # The client forged the first entry; our proxies appended the others.
        "HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.9, 10.0.0.2",
        "REMOTE_ADDR": "127.0.0.1",
    }
    assert client_address(environ, PROXIES) == "198.51.100.9"


def test_behind_a_trusted_proxy_without_forwarded_for_the_proxy_counts():
    assert client_address({"REMOTE_ADDR": "127.0.0.1"}, PROXIES) == "127.0.0.1"


def test_when_every_forwarded_address_is_trusted_the_first_counts():
    environ = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "10.0.0.2"}
    assert client_address(environ, PROXIES) == "10.0.0.2"


def test_without_a_remote_address_the_address_is_empty():
    assert client_address({}) == ""
