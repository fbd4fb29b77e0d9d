# Bad input: syntax for without name
# expect error: expected a loop variable name after 'for', found 'in'

for in [1, 2] { print 1 }
