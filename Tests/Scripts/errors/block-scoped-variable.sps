if true { inner_only = 1 }
print inner_only  # expect error: unknown name 'inner_only'
