# Bad input: interpolation joins strings past the string limit (64 MiB): an error before the string is made.

s = "x" * 33554433
t = "{s}"
print (len t)
# expect: 33554433
# expect error: the interpolated string would be 67108866 bytes long; strings hold at most 67108864 bytes
u = "{s}{s}"
