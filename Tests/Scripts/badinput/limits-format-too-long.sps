# Bad input: format joins strings past the string limit (64 MiB): an error before the string is made (the check
# allows each directive room for its widest padding, so it is a bound, not the exact length).

s = "x" * 8388609
print (len (format "%s|%s" s s))
# expect: 16777219
# expect error: format's result could be up to 67192088 bytes long; strings hold at most 67108864 bytes
t = format "%s%s%s%s%s%s%s%s" s s s s s s s s
