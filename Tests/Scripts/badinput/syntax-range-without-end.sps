# Bad input: syntax range without end
# expect error: expected '{' to start the loop body, found end of line

for i in 0.. { print i }
