"""Summarise wrk runs as one table; exit 1 when any page answered with errors.

Usage: python tests/bench/report.py NAME=WRK_OUTPUT_FILE ... (the runs named "healthz"
and "reference" are the baselines of the ratio columns). Each file holds the output of
`wrk --latency`.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

BASELINE = "healthz"
REFERENCE = "reference"  # a bare Flask + SQLAlchemy + Jinja list of 24 products
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"([\d.]+)(us|ms|s|m|h)$")


@dataclass(frozen=True)
class WrkRun:
    name: str
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int  # wrk counts statuses of 400 and above ("Non-2xx or 3xx responses")
    socket_errors: int

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def to_ms(text: str) -> float:
    """wrk's "850.00us", "12.3ms", "1.02s" in milliseconds; raises ValueError otherwise."""
    found = _DURATION.fullmatch(text.strip())
    if not found:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(found[1]) * _UNITS_MS[found[2]]


def parse_wrk(name: str, output: str) -> WrkRun:
    """Read one `wrk --latency` output; raises ValueError if it has no result."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not rate or not total:
        raise ValueError(f"{name}: wrk printed no result:\n{output}")
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkRun(
        name=name,
        requests=int(total[1]),
        requests_per_second=float(rate[1]),
        p50_ms=to_ms(latency["50"]),
        p99_ms=to_ms(latency["99"]),
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
    )


def table(runs: list[WrkRun]) -> str:
    rates = {r.name: r.requests_per_second for r in runs}
    baseline, reference = rates.get(BASELINE), rates.get(REFERENCE)
    header = (
        "page",
        "req/s",
        "p50 ms",
        "p99 ms",
        "requests",
        "non-2xx",
        "socket err",
        "vs healthz",
        "vs reference",
    )
    rows = [header]
    for run in runs:
        ratio = f"{run.requests_per_second / baseline:.3f}" if baseline else "-"
        rows.append(
            (
                run.name,
                f"{run.requests_per_second:.1f}",
                f"{run.p50_ms:.1f}",
                f"{run.p99_ms:.1f}",
                str(run.requests),
                str(run.non_2xx),
                str(run.socket_errors),
                ratio,
                f"{run.requests_per_second / reference:.2f}" if reference else "-",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(arguments: list[str]) -> int:
    runs = []
    for argument in arguments:
        name, _, path = argument.partition("=")
        runs.append(parse_wrk(name, Path(path).read_text()))
    print(table(runs))
    failed = [run.name for run in runs if run.errors]
    if failed:
        print(f"\nFAILED: errors on {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
