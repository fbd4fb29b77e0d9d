# Bad input: syntax double operator
# expect error: expected an expression, found '*'

x = 1 * * 2
