# Bad input: syntax keyword as variable
# expect error: expected an expression, found '='

if = 3
