runs store=":memory:"
study = repeat seeds=[3, 4] sigma=[0, 10] {
  record v=(seed + sigma)
}
d = runs diff 1 4
print d.field
# expect: ["seed", "grid sigma", "recorded v"]
print d.columns
# expect: ["field", "run 1", "run 4"]
print (d["run 1"]) (d["run 4"])
# expect: ["3", "0", "3"] ["4", "10", "14"]
again = repeat seeds=[3, 4] sigma=[0, 20] {
  record v=(seed + sigma)
}
print (runs diff study=[1, 2]).field
# expect: ["command", "grid sigma", "mean v"]
