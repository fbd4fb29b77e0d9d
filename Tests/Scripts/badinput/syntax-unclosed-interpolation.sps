# Bad input: syntax unclosed interpolation
# expect error: unterminated string

x = 1
print "a {x"
