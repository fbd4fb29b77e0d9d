# Bad input: syntax record without key
# expect error: expected an expression, found ':'

r = {: 1}
