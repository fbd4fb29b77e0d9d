# Bad input: syntax unclosed record
# expect error at end: expected ',' or '}' in the record, found end of input

r = {a: 1, b: 2
