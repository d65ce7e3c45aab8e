"""How the Dashboard words dates and people: the greeting, the 1:1 countdown, "3 weeks ago"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from careercoach.domain.profile import Profile


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: dt.date, today: dt.date) -> str:
    """``day`` as "Thursday 3 December", with the year when it is not this year's."""
    pattern = _tr("dddd d MMMM") if day.year == today.year else _tr("dddd d MMMM yyyy")
    return QLocale().toString(_qdate(day), pattern)


def short_date(day: dt.date, today: dt.date, *, relative: bool = True) -> str:
    """``day`` as "3 Dec" ("3 Dec 2024" in another year); or "Today", "Yesterday"."""
    if relative and day == today:
        return _tr("Today")
    if relative and day == today - dt.timedelta(days=1):
        return _tr("Yesterday")
    pattern = _tr("d MMM") if day.year == today.year else _tr("d MMM yyyy")
    return QLocale().toString(_qdate(day), pattern)


def days_ago(day: dt.date, today: dt.date) -> str:
    """How long ago ``day`` was: "today", "yesterday", "5 days ago", "3 weeks ago"…"""
    days = (today - day).days
    if days <= 0:
        return _tr("today")
    if days == 1:
        return _tr("yesterday")
    if days < 14:
        return _tr("{count} days ago").format(count=days)
    if days < 61:
        return _tr("{count} weeks ago").format(count=days // 7)
    if days < 730:
        return _tr("{count} months ago").format(count=days // 30)
    return _tr("{count} years ago").format(count=days // 365)


def one_on_one_text(day: dt.date, today: dt.date) -> str:
    """The next 1:1: "Today", "Tomorrow", "Thursday 3 December (in 6 days)"."""
    days = (day - today).days
    if days <= 0:
        return _tr("Today")
    if days == 1:
        return _tr("Tomorrow")
    return _tr("{date} (in {count} days)").format(date=long_date(day, today), count=days)


def cadence_text(every_days: int) -> str:
    """The 1:1 rhythm: "Every week", "Every two weeks", "Every 10 days"."""
    if every_days == 7:
        return _tr("Every week")
    if every_days == 14:
        return _tr("Every two weeks")
    if every_days == 1:
        return _tr("Every day")
    return _tr("Every {count} days").format(count=every_days)


def greeting(profile: Profile) -> str:
    """The header's first line: "Welcome back, Sam Rivera" (no name yet: the app's welcome)."""
    if profile.name.strip():
        return _tr("Welcome back, {name}").format(name=profile.name.strip())
    return _tr("Welcome to CareerCoach")


def subtitle(role: str, ladder_name: str, target_title: str) -> str:
    """The header's second line: "Data Scientist · Data Science IC · aiming for Senior …"."""
    parts = [role.strip()] if role.strip() else []
    if ladder_name:
        parts.append(ladder_name)
    if target_title:
        parts.append(_tr("aiming for {target}").format(target=target_title))
    return " · ".join(parts)
