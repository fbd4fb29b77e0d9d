r = {name: "m", lr: 0.001}
print r  # expect: {name: "m", lr: 0.001}
print r.name r.lr  # expect: m 0.001
