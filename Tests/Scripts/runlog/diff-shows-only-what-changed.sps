runs store=":memory:"
# threads=1: runs start (and get their ids) in the study's order, so run 4 is seed 4 with sigma 10.
study = repeat seeds=[3, 4] sigma=[0, 10] threads=1 {
  record v=(seed + sigma)
}
d = runs diff 1 4
print d.field
# expect: ["seed", "grid sigma", "recorded v"]
print d.columns
# expect: ["field", "run 1", "run 4"]
print (d["run 1"]) (d["run 4"])
# expect: ["3", "0", "3"] ["4", "10", "14"]
again = repeat seeds=[3, 4] sigma=[0, 20] threads=1 {
  record v=(seed + sigma)
}
print (runs diff study=[1, 2]).field
# expect: ["command", "grid sigma", "mean v"]
