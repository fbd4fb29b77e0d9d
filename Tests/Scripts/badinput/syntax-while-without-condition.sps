# Bad input: syntax while without condition
# expect error: expected '{' to start the loop body, found end of line

while { print 1 }
