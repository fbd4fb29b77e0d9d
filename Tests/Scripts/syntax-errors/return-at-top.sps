return 1  # expect error: 'return' outside a def or block
