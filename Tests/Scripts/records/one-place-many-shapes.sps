# One place in the code that reads a field of records whose fields sit at different positions (it remembers where
# it found the field last, and checks the guess).
def getb r { r.b }
def geta r { r.a }
rs = [{a: 1, b: 2}, {b: 3, a: 4}, {c: 5, b: 6}, {b: 7}]
for r in rs { print (getb r) }
# expect: 2
# expect: 3
# expect: 6
# expect: 7
print (geta {a: 8, b: 0}) (geta {b: 0, a: 9})  # expect: 8 9
x = {b: 1}
print x.a  # expect error: record has no field 'a'; did you mean 'b'? (fields: b)
