# Bad input: type string applied

s = "abc"
# expect error: 's' is a string, not a command, and cannot be applied to arguments
s 1
