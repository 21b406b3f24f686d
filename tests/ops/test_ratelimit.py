"""RateLimiter: a sliding window per user with one notice, then silence; bounded memory."""

from __future__ import annotations

from bot.ops.ratelimit import RateLimiter, Verdict

from ..clock import ManualClock


def test_should_allow_up_to_the_limit_then_notify_once_then_stay_silent() -> None:
    limiter = RateLimiter(3, clock=ManualClock())
    verdicts = [limiter.check("u") for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY] + [Verdict.SILENT] * 2


def test_should_allow_again_once_the_window_has_passed() -> None:
    clock = ManualClock()
    limiter = RateLimiter(2, window=60, clock=clock)
    limiter.check("u")
    clock.now += 30
    limiter.check("u")
    assert limiter.check("u") is Verdict.NOTIFY
    clock.now += 31  # the first message has left the window, the second has not
    assert limiter.check("u") is Verdict.ALLOW
    assert limiter.check("u") is Verdict.NOTIFY


def test_refused_messages_should_not_extend_the_wait() -> None:
    """Typing while limited does not push the window out."""
    clock = ManualClock()
    limiter = RateLimiter(1, window=60, clock=clock)
    limiter.check("u")
    for _ in range(5):
        clock.now += 10
        limiter.check("u")
    clock.now += 10.5
    assert limiter.check("u") is Verdict.ALLOW


def test_should_count_each_user_apart() -> None:
    limiter = RateLimiter(1, clock=ManualClock())
    assert limiter.check(("slack", "U1")) is Verdict.ALLOW
    assert limiter.check(("discord", "U1")) is Verdict.ALLOW
    assert limiter.check(("slack", "U1")) is Verdict.NOTIFY


def test_a_zero_limit_should_mean_no_limit() -> None:
    limiter = RateLimiter(0, clock=ManualClock())
    assert all(limiter.check("u") is Verdict.ALLOW for _ in range(100))


def test_should_forget_idle_users() -> None:
    clock = ManualClock()
    limiter = RateLimiter(5, window=60, clock=clock)
    for user in range(50):
        limiter.check(user)
    clock.now += 61
    limiter.check("late")
    assert limiter.tracked == 1


def test_should_never_track_more_than_max_users() -> None:
    clock = ManualClock()
    limiter = RateLimiter(5, clock=clock, max_users=10)
    for user in range(1000):
        limiter.check(user)
    assert limiter.tracked <= 10
