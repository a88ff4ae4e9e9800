"""The training log (OUT/log.csv: step, epoch, total, one column per loss, seconds for the step) and its plot
(OUT/loss.svg, one line per loss on a log scale; written by hand: matplotlib is not installed here)."""

import csv
import math
import os

from .losses import LOSS_NAMES

COLUMNS = ("step", "epoch", "total") + LOSS_NAMES + ("seconds",)
COLOURS = ("#000000", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
PLOT_WIDTH, PLOT_HEIGHT, MARGIN = 720, 400, 50


class TrainingLog:
    """Appends one row per step. Opened at resume_step, it first drops rows past that step (written after the
    checkpoint the run resumes from, by the run that was killed), so every step appears once."""

    def __init__(self, path: str, resume_step: int):
        self.path = path
        rows = read_rows(path) if resume_step > 0 and os.path.isfile(path) else []
        rows = [row for row in rows if int(row["step"]) <= resume_step]
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def append(self, step: int, epoch: int, total: float, losses: dict, seconds: float) -> None:
        row = [step, epoch, f"{total:.9g}"] + [f"{losses[n]:.9g}" for n in LOSS_NAMES] + [f"{seconds:.4f}"]
        with open(self.path, "a", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerow(row)


class ValidationLog:
    """OUT/validation.csv: step, total and one column per loss, the mean over the val split (eval mode). Like
    TrainingLog, rows past the resumed step are dropped."""

    COLUMNS = ("step", "total") + LOSS_NAMES

    def __init__(self, path: str, resume_step: int):
        self.path = path
        rows = read_rows(path) if resume_step > 0 and os.path.isfile(path) else []
        rows = [row for row in rows if int(row["step"]) <= resume_step]
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=self.COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    def append(self, step: int, mean: dict) -> None:
        row = [step] + [f"{mean[n]:.9g}" for n in ("total",) + LOSS_NAMES]
        with open(self.path, "a", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerow(row)


def read_rows(path: str) -> list:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_plot(csv_path: str, svg_path: str) -> None:
    """Loss curves (log10 y) from the CSV as a standalone SVG."""
    rows = read_rows(csv_path)
    names = ("total",) + LOSS_NAMES
    series = {n: [(int(r["step"]), float(r[n])) for r in rows if float(r[n]) > 0] for n in names}
    points = [p for s in series.values() for p in s]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}" '
             f'font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>']
    if points:
        x0, x1 = min(p[0] for p in points), max(p[0] for p in points)
        y0 = math.floor(math.log10(min(p[1] for p in points)))
        y1 = max(y0 + 1, math.ceil(math.log10(max(p[1] for p in points))))
        inner_w, inner_h = PLOT_WIDTH - 2 * MARGIN - 90, PLOT_HEIGHT - 2 * MARGIN

        def xy(step, value):
            x = MARGIN + (step - x0) / max(x1 - x0, 1) * inner_w
            y = MARGIN + (y1 - math.log10(value)) / (y1 - y0) * inner_h
            return f"{x:.1f},{y:.1f}"

        parts.append(f'<rect x="{MARGIN}" y="{MARGIN}" width="{inner_w}" height="{inner_h}" fill="none" '
                     f'stroke="#888"/>')
        for decade in range(y0, y1 + 1):
            y = MARGIN + (y1 - decade) / (y1 - y0) * inner_h
            parts.append(f'<text x="{MARGIN - 5}" y="{y + 4:.1f}" text-anchor="end">1e{decade}</text>')
        parts.append(f'<text x="{MARGIN}" y="{PLOT_HEIGHT - MARGIN + 15}">step {x0}</text>')
        parts.append(f'<text x="{MARGIN + inner_w}" y="{PLOT_HEIGHT - MARGIN + 15}" text-anchor="end">{x1}</text>')
        for i, name in enumerate(names):
            colour = COLOURS[i % len(COLOURS)]
            if series[name]:
                parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="'
                             + " ".join(xy(s, v) for s, v in series[name]) + '"/>')
            parts.append(f'<text x="{MARGIN + inner_w + 10}" y="{MARGIN + 14 * i + 10}" fill="{colour}">{name}</text>')
    parts.append(f'<text x="{MARGIN}" y="{MARGIN - 15}">training losses (log scale)</text></svg>')
    with open(svg_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(parts) + "\n")
