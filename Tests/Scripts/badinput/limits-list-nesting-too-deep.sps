# Bad input: a loop that wraps a list in itself 20 000 times stops at 10 000 levels, with the statement's place.

x = []
# expect error: error: this list would nest lists or records more than 10000 levels deep
for i in range 20000 { x = [x] }
