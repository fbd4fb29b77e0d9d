# Regression: comparing a list nested 200 000 deep overflowed the stack (Operators.equal recursed per level), and
# freeing it recursed once per level too (overflowing even the big stack under ThreadSanitizer). Lists now nest
# at most 10 000 levels: the deepest allowed list prints, compares and frees.
# expect: true true
# expect: freed
x = []
for i in range 9999 { x = [x] }
print ((len (str x)) > 0) (x == x)
x = 0
print "freed"
