# Bad input: syntax backslash at end
# expect error: expected an expression, found end of line

x = 1 + \