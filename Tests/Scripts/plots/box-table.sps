s = {iid: [1, 2, 3, 2], ood: [5, 7, 6, 9]}
p = plot box s cols=[iid, ood]
print p.kind p.series  # expect: box ["iid", "ood"]
print (plot box s).series  # expect: ["iid", "ood"]
