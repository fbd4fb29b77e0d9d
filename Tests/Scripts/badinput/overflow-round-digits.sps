# Bad input: overflow round digits
# expect error: digits must be between 0 and 15, got 1000000000000000

print (round 1.5 digits=1e15)
