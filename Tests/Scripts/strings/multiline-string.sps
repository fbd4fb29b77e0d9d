s = "line one
line two"
print s
# expect: line one
# expect: line two
