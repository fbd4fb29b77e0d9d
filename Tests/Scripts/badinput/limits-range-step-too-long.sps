# Bad input: range with a step makes a list; more elements than a list holds (10 000 000) is an error before it
# is made (the list limit held for other lists, not for this one).

print (range 10 0 -3)
# expect: [10, 7, 4, 1]
# expect error: range is too long: range 0 30000000 2 would have 15000000 elements; lists hold at most 10000000
xs = range 0 30000000 2
