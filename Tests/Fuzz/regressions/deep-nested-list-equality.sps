# Regression: comparing a list nested 200 000 deep overflowed the stack (Operators.equal recursed per level).
# expect: true true
# expect: freed
x = []
for i in range 200000 { x = [x] }
print ((len (str x)) > 0) (x == x)
x = 0
print "freed"
