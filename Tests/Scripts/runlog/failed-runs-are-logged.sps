runs store=":memory:"
study = repeat seeds=0..2 {
  if seed == 1 { error "bad seed" }
  record v=seed
}
# expect: repeat: run with seed 1 failed: bad seed
t = runs study=1 status="failed"
print t.seed[0] t.message
# expect: 1 ["bad seed"]
print (runs limit=1).failed[0]
# expect: 1
