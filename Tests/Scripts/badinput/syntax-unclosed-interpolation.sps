# Bad input: syntax unclosed interpolation

x = 1
# expect error: unterminated string
print "a {x"
