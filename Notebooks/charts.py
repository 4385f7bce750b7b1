"""Chart conventions of the Biennium notebooks: titled, axes labelled with units, the source under each chart,
readable in grey print (line styles and markers, not colour alone), and saved as PNG."""
from __future__ import annotations

import os
import pathlib

import matplotlib

matplotlib.use("Agg")  # headless: every figure is also saved as PNG
import matplotlib.pyplot as plt  # noqa: E402

FIGURES = pathlib.Path(os.environ.get("BIENNIUM_FIGURES", "figures"))
GREYS = ["0.0", "0.35", "0.6"]
LINES = ["-", "--", ":"]
MARKERS = ["o", "s", "^"]
HATCHES = ["", "//", ".."]

plt.rcParams.update({"figure.dpi": 110, "savefig.dpi": 110, "axes.grid": True, "grid.color": "0.85",
                     "axes.spines.top": False, "axes.spines.right": False, "font.size": 10})


def finish(fig, title: str, source: str, name: str) -> pathlib.Path:
    """Titles the figure, notes its source underneath, saves it as FIGURES/name.png and returns the path."""
    fig.suptitle(title, fontsize=12, fontweight="bold")
    fig.text(0.01, 0.005, f"Source: {source}", fontsize=8, color="0.3", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.04, 1, 0.95))
    FIGURES.mkdir(parents=True, exist_ok=True)
    path = FIGURES / f"{name}.png"
    fig.savefig(path)
    return path


def years_axis(ax) -> None:
    """Whole years on the x axis."""
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def model_label(model: str) -> str:
    """A short legend label for a fitted model's description."""
    return "combination of ETS, Theta and drift" if model.startswith("Combination") else model
