"""The staff page's two pictures, drawn on the server as SVG with matplotlib (already installed).

Why on the server: the page runs no script at all (its CSP allows none), and a clerk's browser
gets a plain image. Each picture has alt text that says what it shows, and its numbers are in the
table beside it, so no one needs the picture to read them. Matplotlib's object API (a Figure per
picture, no pyplot) keeps drawings independent when two requests draw at once.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

INK = "#1f2933"
MESSAGES = "#1d4f91"  # dark blue, > 7:1 on white
CONVERSATIONS = "#b4480f"  # dark orange, > 4.5:1 on white
GRID = "#d9dee3"


def _figure(width: float, height: float):
    """A figure off any global state (no pyplot), its text as paths: no fonts needed to view it."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasSVG(figure)
    return figure


def _svg(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buffer.getvalue()


def _style(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(INK)
    axes.tick_params(colors=INK, labelsize=10)
    axes.set_axisbelow(True)


def messages_per_day(per_day: Sequence[tuple[dt.date, int, int]]) -> bytes:
    """A line chart of messages and conversations per day."""
    from matplotlib.ticker import MaxNLocator

    figure = _figure(9.0, 3.4)
    axes = figure.add_subplot()
    days = [day for day, _, _ in per_day]
    axes.plot(days, [m for _, m, _ in per_day], color=MESSAGES, marker="o", lw=2, label="Messages")
    axes.plot(
        days,
        [c for _, _, c in per_day],
        color=CONVERSATIONS,
        marker="s",
        lw=2,
        ls="--",
        label="Conversations",
    )
    _style(axes)
    axes.grid(axis="y", color=GRID)
    axes.set_ylim(bottom=0, top=max([*(m for _, m, _ in per_day), 1]) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    step = max(1, len(days) // 10)
    axes.set_xticks(days[::step])
    axes.set_xticklabels([day.strftime("%b %d") for day in days[::step]])
    axes.legend(
        frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, labelcolor=INK
    )  # above the plot, never over a line
    return _svg(figure)


def topics(top: Sequence[tuple[str, int]]) -> bytes:
    """A horizontal bar chart of the most asked topics, each bar with its count."""
    from matplotlib.ticker import MaxNLocator

    figure = _figure(9.0, 0.8 + 0.38 * max(len(top), 1))
    axes = figure.add_subplot()
    names = [name for name, _ in top][::-1]  # the most asked on top
    counts = [count for _, count in top][::-1]
    bars = axes.barh(names, counts, color=MESSAGES, height=0.6)
    axes.bar_label(bars, padding=3, color=INK, fontsize=10)
    _style(axes)
    axes.grid(axis="x", color=GRID)
    axes.set_xlim(right=max([*counts, 1]) * 1.12)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("Messages", color=INK)
    return _svg(figure)


def messages_alt(per_day: Sequence[tuple[dt.date, int, int]]) -> str:
    """What the line chart shows, for a screen reader (the numbers are also in the table)."""
    if not per_day:
        return "Line chart of messages per day: no days."
    total = sum(m for _, m, _ in per_day)
    first, last = per_day[0][0].isoformat(), per_day[-1][0].isoformat()
    text = f"Line chart of messages and conversations per day, {first} to {last}: {total} messages"
    if total:
        busiest = max(per_day, key=lambda day: day[1])
        text += f"; the busiest day was {busiest[0].isoformat()} with {busiest[1]}"
    return text + ". The numbers are in the table below."


def topics_alt(top: Sequence[tuple[str, int]]) -> str:
    """What the bar chart shows, for a screen reader."""
    if not top:
        return "Bar chart of topics: no messages."
    listed = ", ".join(f"{name} {count}" for name, count in top[:5])
    return (
        f"Bar chart of the {len(top)} most asked topics, by messages: {listed}"
        f"{' and more' if len(top) > 5 else ''}. The numbers are in the table below."
    )
