# Bad input: syntax keyword without value
# expect error: expected an expression, found ')'

print (round 1.5 digits=)
