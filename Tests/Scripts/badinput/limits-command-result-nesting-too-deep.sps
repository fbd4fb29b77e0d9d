# Bad input: a command's result is checked as well (append puts the list inside a new one).

a = []
# expect error: the result of append would nest lists or records more than 10000 levels deep
for i in range 20000 { a = append [] a }
