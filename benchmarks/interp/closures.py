# Closures and counters (same program as closures.sps).
def counter(step):
    n = 0
    def next_():
        nonlocal n
        n = n + step
        return n
    return next_

def adder(k):
    def add(x):
        return x + k
    return add

def apply(f, x):
    return f(x)

def run(k):
    total = 0
    for i in range(0, k):
        c = counter(i % 7)
        for j in range(0, 300):
            total = total + c()
        total = total + apply(adder(i), i)
    return total

print(run(6000))
