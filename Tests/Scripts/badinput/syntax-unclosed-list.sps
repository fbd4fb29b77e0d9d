# Bad input: syntax unclosed list

x = [1, 2
# expect error: expected ',' or ']' in the list, found 'print'
print x
