# Bad input: syntax trailing operator
# expect error: expected an expression, found end of line

x = 1 +
