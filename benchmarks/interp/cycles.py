# Memory management: 200,000 reference cycles (same loop as cycles.sps); CPython's gc frees them.
def pair():
    v = 0
    def set_(x):
        nonlocal v
        v = x
    return [set_]

n = 0
for i in range(0, 200000):
    p = pair()
    p[0](p)
    n = n + 1
print(n)
