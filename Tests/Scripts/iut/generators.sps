# The InvarianceUnitTests generators: splits of n rows per environment, environment tags, tasks, and the
# protocol's structure (train and validation from the training distribution, test with the spurious inputs
# shuffled; the scrambled variants multiply by an orthogonal matrix).
seed 0
d = iut 1 n=200
# expect: regression 600 600 600 11
print d.task d.train.n d.valid.n d.test.n (len d.train.columns)
# expect: [200, 200, 200]
print (map [0, 1, 2] { e -> d.train[d.train.env == e].n })
# expect: 4 40
print (len (unique (iut 2 n=10 envs=4).test.env)) (iut 2 n=10 envs=4).test.n
# expect: classification classification
print (iut 2 n=10).task (iut 3 n=10).task
# Example 3: the first half of each environment is class 0, the second class 1
e3 = iut 3 n=100
# expect: [0, 1, 0, 1]
print [e3.train.Y[0], e3.train.Y[99], e3.train.Y[100], e3.train.Y[199]]
# Example 2's label is the sign of the invariant inputs' sum
e2 = iut 2 n=500
# expect: true
print ((sum ((e2.train.Y > 0.5) != ((sum e2.train.X[.., ..<5] axis=1) > 0))) == 0)
# Example 1's environments differ in scale (σ = 0.1, 1.5, 2): E0's invariant inputs are 20 times smaller than E2's
e0 = d.train[d.train.env == 0].X
e2x = d.train[d.train.env == 2].X
# expect: true true
print ((std e0[.., 0]) < 0.2) ((std e2x[.., 0]) > 1.5)
# The spurious inputs correlate with the target in training and not in test (shuffled across rows)
# (within environment 0: Example 3's spurious means differ by environment)
def spurious_corr s {
  e = s[s.env == 0]
  return abs (corr (dataset e.X[.., 5] e.Y)).y[0]
}
big = iut 3 n=2000
# expect: true true
print ((spurious_corr big.train) > 0.5) ((spurious_corr big.test) < 0.1)
# Scrambled: an orthogonal matrix, and the inputs are the unscrambled ones times it
s = iut 1 n=50 scrambled=true
# expect: true
print ((max (abs (s.scramble @ s.scramble.T - (eye 10)))) < 1e-5)
# expect: true
print ((max (abs ((iut 1 n=50).scramble - (eye 10)))) == 0)
# Same seed, same data; the oracle's training split is the test distribution (spurious inputs shuffled)
seed 3
a = iut 3 n=1000
seed 3
b = iut 3 n=1000
seed 3
o = iut 3 n=1000 oracle=true
# expect: true true
print ((max (abs (a.train.X - b.train.X))) == 0) ((spurious_corr o.train) < 0.1)
# expect error: example must be 1, 2 or 3, got 4
iut 4
