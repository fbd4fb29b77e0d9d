# Floating-point arithmetic and calls: the spectral-norm benchmark (same program as spectralnorm.sps).
from math import sqrt

def a(i, j):
    return 1 / ((i + j) * (i + j + 1) / 2 + i + 1)

def times(v, n):
    out = []
    for i in range(0, n):
        s = 0
        for j in range(0, n):
            s = s + a(i, j) * v[j]
        out.append(s)
    return out

def timesTransposed(v, n):
    out = []
    for i in range(0, n):
        s = 0
        for j in range(0, n):
            s = s + a(j, i) * v[j]
        out.append(s)
    return out

def timesAtA(v, n):
    return timesTransposed(times(v, n), n)

def spectral(n):
    u = []
    for i in range(0, n):
        u.append(1)
    v = []
    for k in range(0, 10):
        v = timesAtA(u, n)
        u = timesAtA(v, n)
    vBv = 0
    vv = 0
    for i in range(0, n):
        vBv = vBv + u[i] * v[i]
        vv = vv + v[i] * v[i]
    return sqrt(vBv / vv)

print("%.9f" % spectral(150))
