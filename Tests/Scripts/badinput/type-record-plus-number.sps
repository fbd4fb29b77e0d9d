# Bad input: type record plus number
# expect error: '+' cannot be applied to record and number

print ({a: 1} + 1)
