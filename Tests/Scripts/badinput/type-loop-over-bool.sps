# Bad input: type loop over bool
# expect error: cannot loop over a bool; use a list, a range, a string, a record or a tensor

for x in true { }
