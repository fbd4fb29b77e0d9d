# Bad input: syntax number with letters
# expect error: malformed number '12abc'

x = 12abc
