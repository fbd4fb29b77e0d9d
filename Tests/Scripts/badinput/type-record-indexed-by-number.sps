# Bad input: type record indexed by number

r = {a: 1}
# expect error: a record is indexed by a field name string, e.g. r["name"]
print r[0]
