runs store=":memory:"
# The same study twice with resume=true: the first time the log has nothing of it and every run runs; the
# second time every run is in the log, none runs, and the table is the same.
tables = []
for i in 0..1 {
  t = repeat resume=true seeds=0..3 sigma=[0, 1] {
    record v=(seed * 10 + sigma)
  }
  tables = tables + [t]
}
# expect: repeat: resume=true: the run log has no earlier study of this script with these seeds and settings; all 8 runs run
# expect: repeat: resuming study 1 of the run log: 8 of 8 runs are done there; 0 run now
print tables[0].v
# expect: 8-element Tensor{Float32}:
# expect:   0  10  20  30   1  11  21  31
print tables[1].v
# expect: 8-element Tensor{Float32}:
# expect:   0  10  20  30   1  11  21  31
print tables[1].columns
# expect: ["seed", "sigma", "v"]
print (runs limit=5).study
# expect: 1-element Tensor{Float32}:
# expect:  1
