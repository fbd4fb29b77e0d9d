# Bad input: type append to number
# expect error: argument 'list' of append must be a list, got number 1

print (append 1 2)
