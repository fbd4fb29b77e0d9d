# Allocation and freeing: the binary-trees benchmark (same program as binarytrees.sps).
def make(d):
    if d == 0:
        return [None, None]
    return [make(d - 1), make(d - 1)]

def check(t):
    if t[0] is None:
        return 1
    return 1 + check(t[0]) + check(t[1])

def main(n):
    stretch = check(make(n + 1))
    print(f"stretch tree of depth {n + 1} check: {stretch}")
    long = make(n)
    d = 4
    while d <= n:
        iterations = 2 ** (n - d + 4)
        total = 0
        for i in range(0, iterations):
            total = total + check(make(d))
        print(f"{iterations} trees of depth {d} check: {total}")
        d = d + 2
    print(f"long lived tree of depth {n} check: {check(long)}")

main(14)
