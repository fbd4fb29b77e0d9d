# Bad input: type len of number
# expect error: len needs a list, string, record, range or tensor, got number

print (len 5)
