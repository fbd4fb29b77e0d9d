# Bad input: unknown member of string
# expect error: a string has no members (looking for '.count')

print "abc".count
