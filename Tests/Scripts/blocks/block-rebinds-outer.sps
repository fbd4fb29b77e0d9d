total = 0
def each xs body { for x in xs { body x } }
n = 0
def run body { body() }
run { n = n + 5 }
print n  # expect: 5
