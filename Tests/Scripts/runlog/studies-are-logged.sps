# A memory store: the golden runner never writes to ~/.sps.
runs store=":memory:"
study = repeat seeds=0..2 sigma=[0, 10] scale=2 {
  record v=(seed * scale + sigma) tag="x"
}
s = runs limit=5
print s.status
# expect: ["finished"]
print s.runs[0] s.finished[0] s.failed[0]
# expect: 6 6 0
t = runs study=1
print t.columns
# expect: ["run", "study", "status", "seed", "sigma", "v", "tag", "seconds", "started"]
print t.v
# expect: 6-element Tensor{Float32}:
# expect:   0   2   4  10  12  14
print (runs study=1 sigma=10).v
# expect: 3-element Tensor{Float32}:
# expect:  10  12  14
print (runs study=1 sort="v" desc=true limit=2).seed
# expect: 2-element Tensor{Float32}:
# expect:  2  1
print (runs seed=1).run
# expect: 2-element Tensor{Float32}:
# expect:  2  5
print (summary (runs study=1 sigma=0)).column
# expect: ["run", "study", "sigma", "v", "seconds"]
