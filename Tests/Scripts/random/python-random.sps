# python_random gives what CPython's random.random() gives after random.seed(seed)
# expect: 0.8444218515250481
print (python_random 0)
# expect: [0.7966509679599704, 0.05862623274803458, 0.7602397739740907]
print (python_random 1001 n=3)
# A negative seed counts as its absolute value, as in Python; a seed wider than 32 bits uses both words
# expect: true
print ((python_random -5) == (python_random 5))
# expect: [0.6744750084019356, 0.2923275784421222]
print (python_random 123456789012345 n=2)
# random.uniform(a, b) is a + (b - a) * random()
u = python_random 1004 n=2
# expect: 0.0006954242203329668
print (10 ** (-4 + (-2 - -4) * u[0]))
# It leaves sps's own streams alone
seed 3
x = sample (uniform 0 1)
seed 3
_ = python_random 9 n=100
# expect: true
print (x == (sample (uniform 0 1)))
# expect: []
print (python_random 1 n=0)
print (python_random 1 n=-1)  # expect error col 26: n must be between 0 and 10000000, got -1
