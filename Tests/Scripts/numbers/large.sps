print (2 ** 53)  # expect: 9007199254740992
print 1e20  # expect: 1e+20
print 123456789012  # expect: 123456789012
