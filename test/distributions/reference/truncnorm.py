"""Reference values for the standard normal truncated to [a, b], at 60 digits.

Run: python3 test/distributions/reference/truncnorm.py   (standard library only)

Uses test/stats/reference/normal.py (series + continued fraction for Phi,
Newton for its inverse). With Z = Phi(b) - Phi(a):
  quantile(u) = Phi^-1(Phi(a) + u Z), computed here from the upper tail
    as -Phi^-1(Q(a) - u Z) to keep 60 significant digits;
  mean = (phi(a) - phi(b)) / Z;
  variance = 1 + (a phi(a) - b phi(b)) / Z - mean^2     (Johnson, Kotz & Balakrishnan 1994, 10.4-10.5).
"""
import os
import sys
from decimal import Decimal as D

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "stats", "reference"))
import normal  # noqa: E402

INF = None


def Q(z):
    return D(0) if z is INF else normal.upper(z) if z > 0 else 1 - normal.cdf(z)


def pdf(z):
    return D(0) if z is INF else normal.pdf(z)


def zpdf(z):
    return D(0) if z is INF else z * normal.pdf(z)


def quantile_right(a, b, u):
    """a > 0: x with Q(x) = Q(a) - u (Q(a) - Q(b))."""
    qa, qb = Q(a), Q(b)
    q = qa - D(u) * (qa - qb)
    return -normal.quantile_exact(q)


def moments(a, b):
    z = Q(a) - Q(b)
    m = (pdf(a) - pdf(b)) / z
    v = 1 + (zpdf(a) - zpdf(b)) / z - m * m
    return m, v


if __name__ == "__main__":
    for a, b in [(D(8), INF), (D(30), INF), (D(8), D(9)), (D(3), INF)]:
        m, v = moments(a, b)
        print(f"[{a}, {b or 'inf'}] mean = {float(m)!r}, variance = {float(v)!r}")
        for u in ["0.1", "0.5", "0.9"]:
            print(f"   quantile({u}) = {float(quantile_right(a, b, D(u)))!r}")
