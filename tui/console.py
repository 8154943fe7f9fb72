"""Every line the CLI prints goes through :func:`echo`: feed titles, server error reasons,
file names and stored text come from outside, and no escape sequence of theirs may reach
the user's terminal."""

from __future__ import annotations

import sys

import click

from ingest.normalise import clean_terminal


def echo(message: str, *, err: bool = False, nl: bool = True) -> None:
    """click.echo with ANSI/OSC sequences, control and bidi characters removed."""
    click.echo(clean_terminal(message), err=err, nl=nl)


def echo_data(text: str) -> None:
    """A document (export, OPML) to stdout: byte-exact when piped to a file, cleaned of
    escape sequences when it is going to a terminal."""
    stdout = sys.stdout
    if stdout.isatty():
        echo(text, nl=False)
    else:
        click.echo(text, nl=False)
