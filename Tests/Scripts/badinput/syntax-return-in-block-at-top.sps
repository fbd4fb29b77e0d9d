# Bad input: syntax return in block at top
# expect error: 'return' outside a def or block

for i in [1] { return 1 }
