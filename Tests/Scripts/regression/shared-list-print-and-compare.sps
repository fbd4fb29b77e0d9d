# Regression: a list sharing its parts (2^60 leaves, a few KB in memory) printed and compared in exponential time.
# expect: true true
x = [1]
for i in range 60 { x = [x, x] }
print ((len (str x)) < 2000000) (x == x)
