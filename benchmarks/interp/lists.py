# List building and indexing: a sieve of Eratosthenes (same program as lists.sps).
def sieve(n):
    flags = []
    for i in range(0, n):
        flags.append(True)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < n:
        if flags[i]:
            j = i * i
            while j < n:
                flags[j] = False
                j = j + i
        i = i + 1
    primes = []
    for k in range(0, n):
        if flags[k]:
            primes.append(k)
    return primes

def total(xs):
    s = 0
    for i in range(0, len(xs)):
        s = s + xs[i] % 1000
    return s

ps = sieve(2000000)
print(len(ps), total(ps), ps[-1])
