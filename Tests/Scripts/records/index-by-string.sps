r = {a: 1}
print r["a"]  # expect: 1
r["c"] = 9
print (keys r)  # expect: ["a", "c"]
