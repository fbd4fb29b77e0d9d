# Bad input: syntax empty keyword name
# expect error: expected ')' to close the '(' at line 4, found '='

print (round 1.5 =2)
