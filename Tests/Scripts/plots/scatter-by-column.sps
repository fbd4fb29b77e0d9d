p = plot scatter {a: [1, 2, 3, 4], b: [1, 2, 3, 4], g: ["u", "v", "u", "v"]} x=a y=b by=g
print p.series  # expect: ["g u", "g v"]
