seed 0
train = spurious n=300
abl = repeat seeds=0..1 sigma=[0, 10, 30] {
  m = linear 3 1
  fit m train epochs=1 aug=(noise x3 std=sigma)
  record w3=m.weight[0, 2]
}
print abl.columns
print abl.sigma
print abl.seed
s = summary abl by=sigma
print s.columns
print s.sigma

# expect: ["seed", "sigma", "w3"]
# expect: 6-element Tensor{Float32}:
# expect:   0   0  10  10  30  30
# expect: 6-element Tensor{Float32}:
# expect:  0  1  0  1  0  1
# expect: ["sigma", "column", "mean", "std", "min", "median", "max"]
# expect: 3-element Tensor{Float32}:
# expect:   0  10  30
