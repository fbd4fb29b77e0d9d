# draws: the default setting (item 0), then n seeded random draws from the declared distributions.
hps = draws {lr: loguniform 1e-4 1e-2, anneal: [0, 100, 500], act: ["relu", "tanh"], width: 64} default={lr: 1e-3, anneal: 100, act: "relu"} n=20 seed=0
# expect: 21
print (len hps)
# expect: {lr: 0.001, anneal: 100, act: "relu", width: 64}
print hps[0]
# Every draw lies in its distribution's range or list.
ok = true
for h in hps[1..] {
  ok = ok and h.lr >= 1e-4 and h.lr <= 1e-2 and (h.anneal == 0 or h.anneal == 100 or h.anneal == 500) and h.width == 64
}
# expect: true
print ok
# The same call gives the same list; a draw does not change with n or with the other hyperparameters.
again = draws {act: ["relu", "tanh"], lr: loguniform 1e-4 1e-2} default={lr: 1e-3, act: "relu"} n=5 seed=0
# expect: true
print (again[3].lr == hps[3].lr and again[3].act == hps[3].act)
other = draws {lr: loguniform 1e-4 1e-2} default={lr: 1e-3} n=5 seed=1
# expect: false
print (other[3].lr == hps[3].lr)
