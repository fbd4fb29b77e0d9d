# Bad input: syntax assignment without target
# expect error: expected an expression, found '='

= 3
