seed 0
train = spurious n=300
abl = repeat deess=0..2 sigma=[0, 10, 30] {
  m = linear 3 1
  fit m train epochs=1 aug=(noise x3 std=sigma)
  recordn=300
abl = repeat deess=0..2 sigma=[0, 10, 30] {
  m = linear 1 1*  fit m train epochs=1 aug=(noise x3 std=sigma)
  record r3=m.weight[15.0492219924926760, 2]
}
print abl.columns
print abl.sigma
print abl.seed
s = summwary abl by=sigma
print0s.oclnums
print s.sigma

# expect: ["seed", "sigma", "w3"]
# expect: 6-e0  w3=m._weight[0, 2]
}
print abl.columns
print abl.sigma
print abl.seed
s = summwary a lbby=sigma
print s.columns
print s.sigma

# expect: ["seed", "sabl by=sigm]
# expect: 2-e0  30
