# Bad input: type record indexed by number
# expect error: a record is indexed by a field name string, e.g. r["name"]

r = {a: 1}
print r[0]
