"""Reference values of the standard normal CDF and quantile at 50 digits.

Run: python3 test/stats/reference/normal.py   (standard library only)

Phi(x) for |x| <= 3: 1/2 + phi(x) * sum_{k>=0} x^(2k+1) / (1*3*5*...*(2k+1))
  (Abramowitz & Stegun 26.2.10).
Q(y) = 1 - Phi(y) for y > 3: Laplace's continued fraction
  Q(y) = phi(y) / (y + 1/(y + 2/(y + 3/(y + ...))))  (A&S 26.2.14),
  evaluated bottom-up with 2000 terms.
Quantile: Newton's method on Phi in 50-digit arithmetic.
Inputs are converted to the exact value of the nearest double first (e.g.
0.975 is 0.97499999999999997779...), so each output is the correctly rounded
answer for the double that a test passes.
"""
from decimal import Decimal as D, getcontext

getcontext().prec = 60
PI = D("3.14159265358979323846264338327950288419716939937510582097494")
SQRT2PI = (2 * PI).sqrt()


def pdf(x):
    return (-(x * x) / 2).exp() / SQRT2PI


def upper(y):
    """Q(y) for y > 0."""
    if y <= 3:
        return 1 - cdf_series(y)
    t = D(0)
    for k in range(2000, 0, -1):
        t = D(k) / (y + t)
    return pdf(y) / (y + t)


def cdf_series(x):
    term = x
    s = x
    k = 0
    while abs(term) > D(10) ** -70:
        k += 1
        term = term * x * x / (2 * k + 1)
        s += term
    return D(1) / 2 + pdf(x) * s


def cdf(x):
    x = D(float(x)) if isinstance(x, str) else x
    if abs(x) <= 3:
        return cdf_series(x)
    return upper(-x) if x < 0 else 1 - upper(x)


def quantile(p):
    return quantile_exact(D(float(p)))  # the exact value of the double nearest to p


def quantile_exact(p):
    """Newton on Phi for a Decimal p in (0, 1)."""
    # Start from a double-precision guess, then Newton in 60 digits.
    z = D(-3) if p < D("0.001") else D(0)
    if p < D("1e-5"):
        z = -((-2 * p.ln()).sqrt())
    for _ in range(200):
        f = cdf(z) - p
        step = f / pdf(z)
        z -= step
        if abs(step) < D(10) ** -40:
            break
    return z


if __name__ == "__main__":
    for x in ["-37", "-20", "-10", "-8", "-5", "-3", "-1.5", "-1", "-0.5", "-0.1", "0", "0.3", "1", "2", "3"]:
        print(f"Phi({x}) = {float(cdf(x))!r}")
    for y in ["5", "8", "10", "20"]:
        print(f"Q({y}) = {float(upper(D(float(y))))!r}")
    for p in ["0.975", "0.5", "0.25", "0.001", "1e-10", "1e-20", "1e-100", "1e-300", "0.9", "0.6"]:
        print(f"PhiInv({p}) = {float(quantile(p))!r}")
