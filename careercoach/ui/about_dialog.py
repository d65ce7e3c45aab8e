"""The About box: what CareerCoach is, its version and where the user's data lives."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from careercoach import APP_NAME, __version__


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutDialog", text)


def about_html(data_dir: Path, database_label: str) -> str:
    """The About text, as Qt rich text."""
    return (
        f"<h2>{escape(APP_NAME)} {escape(__version__)}</h2>"
        f"<p>{escape(_tr('A private coach for data scientists, ML engineers and software engineers growing toward their next level.'))}</p>"  # noqa: E501 - one translatable sentence
        f"<p>{escape(_tr('Your data stays on this computer. No account, no network.'))}</p>"
        f"<p><b>{escape(_tr('Data folder:'))}</b> {escape(str(data_dir))}<br>"
        f"<b>{escape(_tr('Database:'))}</b> {escape(database_label)}</p>"
    )


def show_about(parent: QWidget, data_dir: Path, database_label: str) -> None:
    """Show the About box."""
    QMessageBox.about(
        parent, _tr("About {app}").format(app=APP_NAME), about_html(data_dir, database_label)
    )
