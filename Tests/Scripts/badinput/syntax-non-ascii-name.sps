# Bad input: syntax non ascii name
# expect error: unexpected character 'π'

π = 3.14
