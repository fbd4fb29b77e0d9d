# Bad input: type seed string
# expect error: argument 'n' of seed must be an integer, got string "zero"

seed "zero"
