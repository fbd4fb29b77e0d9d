# Bad input: type len of number
# expect error: len needs a list, string, record, range, tensor, dataset or table, got number

print (len 5)
