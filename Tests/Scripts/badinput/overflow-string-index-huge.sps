# Bad input: overflow string index huge
# expect error: string index must be an integer, a range, a list of integers or a mask, got number 1e+300

print "abc"[1e300]
