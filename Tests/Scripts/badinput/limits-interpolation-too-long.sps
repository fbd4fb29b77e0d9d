# Bad input: interpolation joins strings past the string limit (64 MiB): an error before the string is made.

s = "x" * 8388609
print (len "{s}{s}")
# expect: 16777218
# expect error: the interpolated string would be 67108872 bytes long; strings hold at most 67108864 bytes
t = "{s}{s}{s}{s}{s}{s}{s}{s}"
