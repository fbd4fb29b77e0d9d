# Bad input: a linked list of records deeper than 10 000 levels.

r = {value: 0}
# expect error: this record would nest lists or records more than 10000 levels deep
for i in range 20000 { r = {value: i, next: r} }
