# Bad input: unknown member of list
# expect error: list has no member 'cout'; did you mean 'count'? (members: count, first, last)

print [1, 2].cout
