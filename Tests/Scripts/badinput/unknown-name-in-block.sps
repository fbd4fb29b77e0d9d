# Bad input: unknown name in block
# expect error: unknown name 'undefined_value'

b = { undefined_value + 1 }
b()
