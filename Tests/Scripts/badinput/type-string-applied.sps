# Bad input: type string applied
# expect error: 's' is a string, not a command, and cannot be applied to arguments

s = "abc"
s 1
