# a comment on its own line
print 1 # a comment after code  # expect: 1
# print 2
