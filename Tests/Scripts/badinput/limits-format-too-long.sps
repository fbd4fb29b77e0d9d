# Bad input: format joins strings past the string limit (64 MiB): an error before the string is made.

s = "x" * 33554433
print (len (format "%s" s))
# expect: 33554433
# expect error: format's result could be up to 67129670 bytes long; strings hold at most 67108864 bytes
t = format "%s%s" s s
