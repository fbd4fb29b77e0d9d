len 5  # expect error col 5: len needs a list, string, record, range, tensor, dataset or table, got number 5
