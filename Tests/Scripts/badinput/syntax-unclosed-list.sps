# Bad input: syntax unclosed list
# expect error: expected ',' or ']' in the list, found 'print'

x = [1, 2
print x
